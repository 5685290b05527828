package io.gatehouse.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gatehouse check-disk}: how long does this disk take to make a small write durable? Every durable answer to
 * a door and every record of a terminal's replay waits for at least one such write, and on the machines Gatehouse
 * was measured on this latency, not the disk's throughput, is what kept the doors' tail and the replay's time from
 * their targets (docs/PERFORMANCE.md). The probe writes the way a database log that has started over does: 4 KiB
 * in place in a file already allocated, each followed by a data sync.
 */
@Command(
        name = "check-disk",
        header = "Measure how long a directory's disk takes to make a small write durable, and what that means for"
                + " the doors.",
        mixinStandardHelpOptions = true,
        description = {
            "Writes 4 KiB blocks in place in a temporary file in DIRECTORY, each followed by a data sync (fdatasync),"
                    + " and prints the time per write: median, 90th and 99th percentile, maximum. That is what the"
                    + " decision log waits for before a door's durable answer, and what the event store waits for per"
                    + " record while a terminal replays its offline cache one record at a time.",
            "",
            "Run it where the data directory (or the decision-log directory) will live, on the machine that will run"
                    + " the hub, ideally while the machine does its usual work. The file is deleted afterwards;"
                    + " nothing else in DIRECTORY is touched. The default 2,000 writes take about a second on a"
                    + " local SSD.",
            "",
            "How to read it: a disk with a power-loss-protected write cache (most data-centre NVMe and SSDs, a RAID"
                    + " controller with a battery) syncs in tens of microseconds; a consumer SSD or a virtual disk"
                    + " in 0.1 to 2 ms; a spinning disk in 5 to 20 ms. A median under 0.05 ms on anything but such a"
                    + " cache means the disk or the hypervisor acknowledges a sync it has not done, and a power cut"
                    + " would lose events the hub has already acknowledged.",
        },
        footer = {
            "",
            "Examples:",
            "  gatehouse check-disk /var/lib/gatehouse",
            "  gatehouse check-disk /mnt/decisions        where decision-log points",
            "  gatehouse check-disk --writes 20000 .      a longer run, for the tail",
            "",
            "Exit status: 0 measured, 2 usage error, 3 DIRECTORY missing, not a directory, not writable,"
                    + " or a write failed.",
        })
final class CheckDiskCommand implements Callable<Integer> {
    static final int UNUSABLE = 3;
    private static final int BLOCK = 4096;
    /** Blocks the probe file holds and the writes cycle over: a 1 MiB file, like a small log written in place. */
    private static final int SLOTS = 256;
    /** Replays the documents describe: a terminal caches up to 50,000 records while the hub is unreachable. */
    private static final int REPLAY_RECORDS = 50_000;
    private static final Set<String> MEMORY_FILE_SYSTEMS = Set.of("tmpfs", "ramfs");

    @Parameters(index = "0", paramLabel = "DIRECTORY", description = "Where the probe's temporary file is written.")
    Path directory;

    @Option(names = "--writes", paramLabel = "N", defaultValue = "2000",
            description = "Synchronous writes to time, 10 to 1,000,000 (default: ${DEFAULT-VALUE}).")
    int writes;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Nanoseconds each write and its sync took, sorted once here so that every percentile is a look-up. */
    record Timings(long[] nanos) {
        Timings {
            nanos = nanos.clone();
            Arrays.sort(nanos);
        }

        double percentileMillis(double percentile) {
            int rank = (int) Math.ceil(percentile / 100 * nanos.length);
            return nanos[Math.max(0, rank - 1)] / 1e6;
        }
    }

    @Override
    public Integer call() {
        if (writes < 10 || writes > 1_000_000) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--writes must be between 10 and 1,000,000, not " + writes);
        }
        if (!Files.isDirectory(directory)) {
            return unusable(Files.exists(directory) ? "not a directory" : "no such directory");
        }
        FileStore store;
        Timings timings;
        try {
            store = Files.getFileStore(directory);
            timings = measure(directory, writes);
        } catch (IOException | SecurityException e) {
            return unusable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        report(store, timings);
        return 0;
    }

    private int unusable(String reason) {
        spec.commandLine().getErr().println("check-disk: cannot measure " + directory + ": " + reason);
        return UNUSABLE;
    }

    /** Times {@code writes} writes of 4 KiB in place, each followed by a data sync, in a file deleted afterwards. */
    static Timings measure(Path directory, int writes) throws IOException {
        Path probe = Files.createTempFile(directory, ".gatehouse-check-disk-", ".tmp");
        try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.WRITE)) {
            ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
            byte[] noise = new byte[BLOCK]; // not zeros: some virtual disks skip writing those
            ThreadLocalRandom.current().nextBytes(noise);
            block.put(noise).flip();
            for (int slot = 0; slot < SLOTS; slot++) { // allocate every block first, so the writes below are in place
                writeFully(channel, block, (long) slot * BLOCK);
            }
            channel.force(true);
            long[] nanos = new long[writes];
            for (int i = 0; i < writes; i++) {
                block.putLong(0, i); // each write changes the block
                long start = System.nanoTime();
                writeFully(channel, block, (long) (i % SLOTS) * BLOCK);
                channel.force(false);
                nanos[i] = System.nanoTime() - start;
            }
            return new Timings(nanos);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer block, long position) throws IOException {
        block.rewind();
        while (block.hasRemaining()) {
            channel.write(block, position + block.position());
        }
    }

    private void report(FileStore store, Timings timings) {
        double p50 = timings.percentileMillis(50);
        double p99 = timings.percentileMillis(99);
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s (%s): %,d writes of 4 KiB in place, each made durable (fdatasync)%n",
                directory, store.type() + " on " + store.name(), timings.nanos().length);
        out.printf(Locale.ROOT, "  per write: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                p50, timings.percentileMillis(90), p99, timings.percentileMillis(100));
        out.printf(Locale.ROOT, "  a door's durable answer waits for at least one such write (the decision log's commit)"
                + "; a terminal replaying %,d cached records waits at least %.0f s for them alone%n",
                REPLAY_RECORDS, p50 * REPLAY_RECORDS / 1000);
        out.println("  " + verdict(MEMORY_FILE_SYSTEMS.contains(store.type()), p50, p99));
    }

    static String verdict(boolean inMemory, double p50Millis, double p99Millis) {
        if (inMemory) {
            return "memory, not a disk: nothing here survives a restart of the machine; do not keep the data"
                    + " directory or the decision log here";
        }
        if (p50Millis < 0.05) {
            return "fast: either a power-loss-protected write cache, or a disk or hypervisor that acknowledges syncs"
                    + " before the data is safe (a power cut would then lose acknowledged events); check which";
        }
        if (p50Millis <= 1 && p99Millis <= 10) {
            return "adequate: the doors' answers stay within milliseconds at moderate load; for a busy site (hundreds"
                    + " of doors' requests a second, fast replays) a disk with a protected write cache, or the"
                    + " decision log on a disk of its own, shortens the tail";
        }
        return "slow: every door's answer waits for this disk, and under load the tail will exceed 10 ms; put the"
                + " decision log (the decision-log setting) on a faster disk, or the whole data directory";
    }
}
