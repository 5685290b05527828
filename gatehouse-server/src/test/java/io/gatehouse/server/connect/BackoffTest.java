package io.gatehouse.server.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Reconnect delays double from the floor to the ceiling, each drawn at random below its cap. */
class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new SplittableRandom(7));

    @Test
    void eachDelayLiesBetweenTheFloorAndADoublingCapThatStopsAtTheCeiling() {
        for (int failure = 0; failure < 40; failure++) {
            long cap = Math.min(60_000, 1_000L << Math.min(failure, 30));
            assertThat(backoff.nextMillis()).as("failure %d", failure).isBetween(1_000L, cap);
        }
    }

    @Test
    void theDelaysAreSpreadNotIdentical() {
        long[] tenthFailures = LongStream.range(0, 50).map(i -> {
            Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new SplittableRandom(i));
            LongStream.range(0, 9).forEach(n -> b.nextMillis());
            return b.nextMillis();
        }).toArray();

        assertThat(LongStream.of(tenthFailures).distinct().count()).isGreaterThan(40);
        assertThat(LongStream.of(tenthFailures).max().orElseThrow()).isLessThanOrEqualTo(60_000);
    }

    @Test
    void aSuccessStartsAgainFromTheFloor() {
        LongStream.range(0, 10).forEach(n -> backoff.nextMillis());
        backoff.reset();

        assertThat(backoff.nextMillis()).isEqualTo(1_000);
        assertThat(backoff.failures()).isEqualTo(1);
    }
}
