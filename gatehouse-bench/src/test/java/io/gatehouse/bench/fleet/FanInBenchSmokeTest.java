package io.gatehouse.bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Three terminals in two simulator processes, their WebSockets held by a hub process, so the fan-in benchmark never
 * rots: all ONLINE, events streamed and stored, the hub's heap and RSS read from outside.
 */
class FanInBenchSmokeTest {
    @TempDir
    Path dir;

    @Test
    void aHubHoldsTheWebSocketsOfTerminalsInOtherProcessesAndStoresWhatTheyStream() throws Exception {
        FanInBench bench = CommandLine.populateCommand(new FanInBench(), "--rate", "2", "--window", "3",
                "--first-address", "127.0.201.1", "--per-simulator", "2", "--hub-jvm", "-Xmx256m",
                "--simulator-jvm", "-Xmx256m");
        FanInBench.Step step = bench.measure(3, dir);

        assertThat(step.online()).isEqualTo(3);
        assertThat(step.streamedPerSecond()).isPositive();
        assertThat(step.storedPerSecond()).isPositive();
        assertThat(step.liveHeapBytes()).isPositive();
        assertThat(step.residentBytes()).isGreaterThan(step.liveHeapBytes() / 2);
        assertThat(Files.readString(dir.resolve("hub-histogram.txt"))).contains("java.lang.String");
    }
}
