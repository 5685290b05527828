package io.gatehouse.bench.fleet;

import io.gatehouse.bench.HubClient;
import io.gatehouse.bench.Metrics;
import io.gatehouse.simulator.SimulatedSite;
import io.gatehouse.simulator.SiteConfig;
import io.gatehouse.simulator.device.CounterSnapshot;
import io.gatehouse.simulator.device.NetworkCondition;
import io.gatehouse.simulator.terminal.Terminal;
import io.vertx.core.Future;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A terminal back from an outage replays its offline cache into a hub. The hub is {@code gatehouse serve} in a
 * child JVM; the terminal is an emulated SenseNebula Pass (v1.3.0, HTTPS, documented clocks) in this JVM, registered
 * with push so the hub's connector logs in and sets its {@code event_dest}. The terminal's network goes down, people
 * walk up until its cache holds {@code --records} records (each with a face snapshot), the network comes back, and
 * the clock runs until the terminal has had every record acknowledged. The terminal replays as the documents say a
 * real one does: one record at a time, oldest first, the next only after the hub's answer. Then every stored event is
 * read back through the API and checked: each once, in order, late marks right.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Time a terminal's offline-cache replay into a hub and check what the hub stored.")
public final class ReplayBench implements Callable<Integer> {
    private static final String DEVICE = "replay-door";
    private static final Duration LATE = Duration.ofSeconds(1);

    @Option(names = "--records", defaultValue = "50000", description = "Records in the terminal's cache (default: ${DEFAULT-VALUE}).")
    int records;

    @Option(names = "--address", defaultValue = "127.0.100.1", description = "The terminal's loopback address (default: ${DEFAULT-VALUE}).")
    String address;

    @Option(names = "--data", description = "Empty directory for the hub's data (default: a new temporary directory).")
    Path data;

    @Option(names = "--hub-jvm", split = " ", defaultValue = "-Xmx1g",
            description = "JVM options of the hub, space-separated (default: ${DEFAULT-VALUE}).")
    List<String> hubJvm;

    @Option(names = "--jfr", description = "Record the hub with JFR (profile settings) into this file.")
    Path jfr;

    @Option(names = "--distinct-snapshots", description = "Give every record a snapshot of its own, as a real"
            + " terminal's captures are, so the hub stores a new image with each (default: the emulator's six faces,"
            + " stored once).")
    boolean distinctSnapshots;

    @Option(names = "--set", description = "A hub setting KEY=VALUE, passed on to gatehouse serve (repeatable).")
    List<String> settings = new ArrayList<>();

    /** What one run measured. */
    record Result(int records, double fromNetworkUpSeconds, double replaySeconds, StoredEvents stored,
                  CounterSnapshot terminal, Metrics hub, String loadBefore, String loadAfter) {
        boolean correct() {
            return stored.rows() == records + 1 && stored.duplicates() == 0 && stored.outOfOrder() == 0
                    && stored.lateMismatches() == 0 && terminal.dropped() == 0;
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ReplayBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Result r = run();
        System.out.printf("replay of %,d records: %.1f s from the first record to the last acknowledged"
                        + " (%,.0f records/s); %.1f s from the network coming back (the terminal retries every 5 s)%n",
                r.records(), r.replaySeconds(), r.records() / r.replaySeconds(), r.fromNetworkUpSeconds());
        System.out.printf("stored %,d events (warm-up record included), %,d duplicates, %,d out of order,"
                        + " %,d late, %,d late marks wrong; terminal dropped %,d%n", r.stored().rows(),
                r.stored().duplicates(), r.stored().outOfOrder(), r.stored().late(), r.stored().lateMismatches(),
                r.terminal().dropped());
        System.out.printf("per record: %.2f ms round trip at the terminal; in the hub %.2f ms from decoded to durable"
                        + " (mean), %.2f ms per commit (mean of %,.0f commits, %.1f events each); images new to the store"
                        + " %,.0f, found already stored %,.0f%n", 1000 * r.replaySeconds() / r.records(),
                r.hub().meanMillis("gatehouse_ingest_store", "RECORD_PUSH"),
                r.hub().meanMillis("gatehouse_store_commit", ""), r.hub().sum("gatehouse_store_commit_seconds_count", ""),
                (r.records() + 1) / r.hub().sum("gatehouse_store_commit_seconds_count", ""),
                r.hub().sum("gatehouse_blobs_written_total", ""), r.hub().sum("gatehouse_blobs_deduplicated_total", ""));
        System.out.printf("commit p50 %.2f ms, p99 %.2f ms (the last two minutes); a checkpoint p50 %.1f ms, p99 %.1f ms%n",
                1000 * r.hub().sum("gatehouse_store_commit_seconds", "quantile=\"0.5\""),
                1000 * r.hub().sum("gatehouse_store_commit_seconds", "quantile=\"0.99\""),
                1000 * r.hub().sum("gatehouse_db_checkpoint_seconds", "database=\"events\",quantile=\"0.5\""),
                1000 * r.hub().sum("gatehouse_db_checkpoint_seconds", "database=\"events\",quantile=\"0.99\""));
        System.out.printf("load average before: %s, after: %s%n", r.loadBefore(), r.loadAfter());
        return r.correct() ? 0 : 1;
    }

    Result run() throws Exception {
        Path dataDir = data != null ? data : Files.createTempDirectory("gatehouse-replay-").resolve("hub");
        List<String> jvm = new ArrayList<>(hubJvm);
        if (jfr != null) {
            jvm.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + jfr.toAbsolutePath());
        }
        List<String> hubSettings = new ArrayList<>(settings);
        hubSettings.add("store.late-threshold=" + LATE.toSeconds() + "s");
        SiteConfig site = SiteConfig.defaults().withFirstAddress(address).withCredentials("admin", "replay-bench")
                .withCapacities(records, 100).withDistinctSnapshots(distinctSnapshots);
        try (HubProcess hub = HubProcess.start(dataDir, jvm, hubSettings);
             SimulatedSite terminals = SimulatedSite.start(site)) {
            Terminal door = terminals.terminals().get(0);
            register(hub.client(), door);
            hub.client().awaitState(DEVICE, "ONLINE", Duration.ofSeconds(60)); // the connector has set event_dest
            walkUp(door, 1);
            await(door, c -> c.delivered() == 1, Duration.ofSeconds(60), "the warm-up record to be delivered");

            join(door.setNetwork(NetworkCondition.offline()));
            walkUp(door, records);
            await(door, c -> c.cacheSize() == records, Duration.ofMinutes(5), "the cache to fill");
            Thread.sleep(LATE.toMillis() + 100); // every cached record is late by the time it arrives

            String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
            long up = System.nanoTime();
            join(door.setNetwork(NetworkCondition.UP));
            long first = await(door, c -> c.delivered() > 1, Duration.ofSeconds(30), "the first replayed record");
            long last = await(door, c -> c.backlog() == 0, Duration.ofMinutes(10), "the replay to finish");
            String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
            Metrics metrics = hub.client().metrics();
            StoredEvents stored = StoredEvents.read(hub.client(), DEVICE, LATE);
            return new Result(records, (last - up) / 1e9, (last - first) / 1e9, stored, door.counters(), metrics,
                    loadBefore, loadAfter);
        }
    }

    private static void register(HubClient hub, Terminal door) throws IOException, InterruptedException {
        hub.post("/api/devices", "{\"kind\":\"terminal\",\"id\":\"" + DEVICE + "\",\"host\":\"" + door.address()
                + "\",\"port\":" + door.port() + ",\"tls\":true,\"username\":\"" + door.username()
                + "\",\"password\":\"" + door.password() + "\",\"channels\":[\"push\"]}", 201);
    }

    private static void walkUp(Terminal door, int people) throws Exception {
        List<Future<?>> passages = new ArrayList<>(people);
        for (int i = 0; i < people; i++) {
            passages.add(door.recognize(String.valueOf(1 + i % 12), null));
        }
        join(Future.all(passages));
    }

    /** Polls the terminal's counters every 5 ms until {@code done}; returns {@link System#nanoTime()} then. */
    private static long await(Terminal door, Predicate<CounterSnapshot> done, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (done.test(door.counters())) {
                return System.nanoTime();
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("gave up waiting for " + what + " after " + timeout + ": " + door.counters());
    }

    private static void join(Future<?> future) throws Exception {
        future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
    }
}
