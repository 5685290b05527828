package io.gatehouse.server.connect;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Reconnect delays: exponential with full jitter. The n-th failure in a row waits a random time between
 * {@code min} and {@code min·2ⁿ} (never above {@code max}), so a site's devices that dropped together (a switch
 * reboot) do not all come back in the same millisecond. A success starts again from {@code min}.
 */
public final class Backoff {
    private static final int MAX_DOUBLINGS = 30;
    private final long minMillis;
    private final long maxMillis;
    private final RandomGenerator random;
    private int failures;

    /** A back-off with a generator of its own (not shared between threads). */
    public Backoff(Duration min, Duration max) {
        this(min, max, new SplittableRandom());
    }

    Backoff(Duration min, Duration max, RandomGenerator random) {
        this.minMillis = min.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    /** The delay before the next attempt, counting one more failure. */
    public long nextMillis() {
        long cap = Math.min(maxMillis, minMillis << Math.min(failures, MAX_DOUBLINGS));
        failures++;
        return cap <= minMillis ? minMillis : random.nextLong(minMillis, cap + 1);
    }

    public void reset() {
        failures = 0;
    }

    public int failures() {
        return failures;
    }
}
