package io.gatehouse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckDiskCommandTest {
    @TempDir
    Path dir;

    private final CommandRun run = new CommandRun();

    private int checkDisk(String... args) {
        return run.execute("check-disk", args);
    }

    @Test
    void timesTheWritesAndLeavesTheDirectoryAsItWas() throws Exception {
        Path kept = Files.writeString(dir.resolve("gatehouse.db"), "not touched");

        assertThat(checkDisk("--writes", "20", dir.toString())).isZero();

        assertThat(run.out.toString())
                .contains("20 writes of 4 KiB in place, each made durable")
                .containsPattern("per write: p50 \\d+\\.\\d{3} ms, p90 \\d+\\.\\d{3} ms, p99 \\d+\\.\\d{3} ms, max")
                .containsPattern("replaying 50,000 cached records waits at least \\d+ s");
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(kept);
        }
        assertThat(Files.readString(kept)).isEqualTo("not touched");
    }

    @Test
    void percentilesComeFromTheTimesMeasured() {
        var timings = new CheckDiskCommand.Timings(new long[] {4_000_000, 1_000_000, 3_000_000, 2_000_000});

        assertThat(timings.percentileMillis(50)).isEqualTo(2.0);
        assertThat(timings.percentileMillis(99)).isEqualTo(4.0);
        assertThat(timings.percentileMillis(100)).isEqualTo(4.0);
    }

    @Test
    void saysWhatTheLatencyMeansForTheDoors() {
        assertThat(CheckDiskCommand.verdict(true, 0.01, 0.02)).startsWith("memory, not a disk");
        assertThat(CheckDiskCommand.verdict(false, 0.03, 0.08)).startsWith("fast");
        assertThat(CheckDiskCommand.verdict(false, 0.25, 4.0)).startsWith("adequate");
        assertThat(CheckDiskCommand.verdict(false, 0.25, 40.0)).startsWith("slow");
        assertThat(CheckDiskCommand.verdict(false, 8.0, 9.0)).startsWith("slow");
    }

    @Test
    void aDirectoryInMemoryIsCalledSo() throws Exception {
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm) && "tmpfs".equals(Files.getFileStore(shm).type()), "no tmpfs at /dev/shm");
        Path inMemory = Files.createTempDirectory(shm, "gatehouse-check-disk-test");
        try {
            assertThat(checkDisk("--writes", "10", inMemory.toString())).isZero();

            assertThat(run.out.toString()).contains("(tmpfs on ").contains("memory, not a disk");
        } finally {
            Files.delete(inMemory);
        }
    }

    @Test
    void aMissingDirectoryIsNamedWithTheReason() {
        Path missing = dir.resolve("nowhere");

        assertThat(checkDisk(missing.toString())).isEqualTo(CheckDiskCommand.UNUSABLE);

        assertThat(run.err.toString()).contains("cannot measure " + missing + ": no such directory");
        assertThat(Files.exists(missing)).isFalse();
    }

    @Test
    void aFileIsNotADirectory() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");

        assertThat(checkDisk(file.toString())).isEqualTo(CheckDiskCommand.UNUSABLE);

        assertThat(run.err.toString()).contains("cannot measure " + file + ": not a directory");
    }

    @Test
    void aWriteCountOutOfRangeIsAUsageError() {
        assertThat(checkDisk("--writes", "0", dir.toString())).isEqualTo(2);

        assertThat(run.err.toString()).contains("--writes must be between 10 and 1,000,000, not 0");
    }
}
