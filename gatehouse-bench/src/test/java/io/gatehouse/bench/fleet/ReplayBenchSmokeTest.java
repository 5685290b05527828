package io.gatehouse.bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A replay of 100 cached records into a real hub process, so the benchmark never rots: every record stored once, in
 * order, each marked late, and the terminal's cache empty.
 */
class ReplayBenchSmokeTest {
    @TempDir
    Path dir;

    @Test
    void aSmallCacheIsReplayedIntoAHubProcessAndEveryRecordIsStoredOnceInOrder() throws Exception {
        ReplayBench bench = CommandLine.populateCommand(new ReplayBench(), "--records", "100", "--address",
                "127.0.200.1", "--data", dir.resolve("hub").toString(), "--hub-jvm", "-Xmx256m");
        ReplayBench.Result result = bench.run();

        assertThat(result.stored().rows()).as("the 100 records and the warm-up record").isEqualTo(101);
        assertThat(result.stored().duplicates()).isZero();
        assertThat(result.stored().outOfOrder()).isZero();
        assertThat(result.stored().late()).as("every replayed record").isGreaterThanOrEqualTo(100);
        assertThat(result.stored().lateMismatches()).isZero();
        assertThat(result.terminal().backlog()).isZero();
        assertThat(result.correct()).isTrue();
    }
}
