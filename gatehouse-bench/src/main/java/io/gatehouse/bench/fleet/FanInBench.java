package io.gatehouse.bench.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.bench.ChildJvm;
import io.gatehouse.bench.HubClient;
import io.gatehouse.bench.Metrics;
import io.gatehouse.simulator.LoopbackAddresses;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * WebSocket fan-in: a hub ({@code gatehouse serve}, its own JVM with {@code -Xmx1g}) whose connectors log in to N
 * emulated terminals and hold each one's {@code /v1/event} WebSocket, the only channel they are registered with. The
 * terminals run in {@code gatehouse simulate} processes of their own (at most {@code --per-simulator} each, because a
 * process here may hold only 20,000 file descriptors), each walking someone up {@code --rate} times a second. Per step
 * of N: time until every device is ONLINE, messages streamed by the terminals and events stored by the hub per second
 * over a window, the hub's live heap (class histogram total), its RSS, and the heap per device above the idle hub's.
 */
@Command(name = "fan-in", mixinStandardHelpOptions = true,
        description = "Step the number of WebSocket-subscribed terminals on one hub and measure its memory and intake.")
public final class FanInBench implements Callable<Integer> {
    @Option(names = "--steps", split = ",", defaultValue = "1000,2000,5000,10000",
            description = "Fleet sizes to step through (default: ${DEFAULT-VALUE}).")
    List<Integer> steps;

    @Option(names = "--rate", defaultValue = "1", description = "Walk-ups per terminal per second; 0 = connections only (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--window", defaultValue = "30", description = "Seconds over which intake is measured (default: ${DEFAULT-VALUE}).")
    int windowSeconds;

    @Option(names = "--online-timeout", defaultValue = "600", description = "Seconds to wait for every device to be ONLINE (default: ${DEFAULT-VALUE}).")
    int onlineTimeoutSeconds;

    @Option(names = "--first-address", defaultValue = "127.0.40.1", description = "First terminal address (default: ${DEFAULT-VALUE}).")
    String firstAddress;

    @Option(names = "--per-simulator", defaultValue = "5000", description = "Most terminals in one simulator process (default: ${DEFAULT-VALUE}).")
    int perSimulator;

    @Option(names = "--hub-jvm", split = " ", defaultValue = "-Xmx1g -XX:+ExitOnOutOfMemoryError",
            description = "JVM options of the hub, space-separated (default: ${DEFAULT-VALUE}).")
    List<String> hubJvm;

    @Option(names = "--simulator-jvm", split = " ", defaultValue = "-Xmx3g",
            description = "JVM options of each simulator process (default: ${DEFAULT-VALUE}).")
    List<String> simulatorJvm;

    @Option(names = "--work", description = "Directory for the hubs' data, logs and heap histograms (default: a new temporary directory).")
    Path work;

    /** One fleet size, measured. */
    record Step(int devices, int online, double onlineSeconds, double streamedPerSecond, double storedPerSecond,
                double refusedPerSecond, int registrationRetries, long idleHeapBytes, long liveHeapBytes, long residentBytes, String load) {
        double heapPerDeviceKib() {
            return (liveHeapBytes - idleHeapBytes) / 1024.0 / devices;
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new FanInBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path dir = work != null ? work : Files.createTempDirectory("gatehouse-fanin-");
        System.out.printf("rate %.1f/s per terminal, hub JVM %s%n", rate, String.join(" ", hubJvm));
        System.out.printf("%8s %8s %9s %11s %10s %10s %8s %10s %10s %9s %10s  %s%n", "devices", "online", "online s",
                "streamed/s", "stored/s", "refused/s", "retries", "idle MiB", "live MiB", "RSS MiB", "KiB/dev", "load");
        boolean allOnline = true;
        for (int devices : steps) {
            Step s = measure(devices, dir.resolve("n" + devices));
            System.out.printf("%8d %8d %9.1f %11.0f %10.0f %10.0f %8d %10.1f %10.1f %9.0f %10.1f  %s%n", s.devices(),
                    s.online(), s.onlineSeconds(), s.streamedPerSecond(), s.storedPerSecond(), s.refusedPerSecond(),
                    s.registrationRetries(),
                    s.idleHeapBytes() / 1048576.0, s.liveHeapBytes() / 1048576.0, s.residentBytes() / 1048576.0,
                    s.heapPerDeviceKib(), s.load());
            if (s.online() < devices) {
                allOnline = false;
                break;
            }
        }
        return allOnline ? 0 : 1;
    }

    Step measure(int devices, Path dir) throws Exception {
        Files.createDirectories(dir);
        List<String> addresses = LoopbackAddresses.from(firstAddress, devices);
        List<Simulator> simulators = new ArrayList<>();
        try (HubProcess hub = HubProcess.start(dir.resolve("hub"), hubJvm, List.of())) {
            long idleHeap = ChildJvm.totalBytes(hub.jvm().classHistogram());
            try {
                for (int from = 0; from < devices; from += perSimulator) {
                    simulators.add(Simulator.start(addresses.subList(from, Math.min(devices, from + perSimulator)),
                            rate, simulatorJvm, dir.resolve("simulator-" + simulators.size() + ".log")));
                }
                long start = System.nanoTime();
                AtomicInteger retries = new AtomicInteger();
                new Registrations(hub.client(), retries).register(addresses);
                int online = awaitOnline(hub.client(), devices, Duration.ofSeconds(onlineTimeoutSeconds));
                double onlineSeconds = (System.nanoTime() - start) / 1e9;

                Metrics before = hub.client().metrics();
                long streamedBefore = streamed(simulators);
                long windowStart = System.nanoTime();
                Thread.sleep(windowSeconds * 1000L);
                Metrics after = hub.client().metrics();
                double seconds = (System.nanoTime() - windowStart) / 1e9;
                double streamed = (streamed(simulators) - streamedBefore) / seconds;
                double stored = (after.sum("gatehouse_events_stored_total", "") - before.sum("gatehouse_events_stored_total", "")) / seconds;
                double refused = (after.sum("gatehouse_ingest_rejected_total", "") - before.sum("gatehouse_ingest_rejected_total", "")) / seconds;
                String load = Files.readString(Path.of("/proc/loadavg")).trim();
                String histogram = hub.jvm().classHistogram();
                Files.writeString(dir.resolve("hub-histogram.txt"), histogram);
                long live = ChildJvm.totalBytes(histogram);
                return new Step(devices, online, onlineSeconds, streamed, stored, refused, retries.get(), idleHeap, live,
                        hub.jvm().residentBytes(), load);
            } finally {
                for (Simulator simulator : simulators) {
                    simulator.close();
                }
            }
        }
    }

    private static long streamed(List<Simulator> simulators) throws IOException, InterruptedException {
        long total = 0;
        for (Simulator simulator : simulators) {
            total += simulator.streamed();
        }
        return total;
    }

    /** Polls the device-state gauges until {@code devices} are ONLINE; returns how many were. */
    private static int awaitOnline(HubClient hub, int devices, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int online = 0;
        while (System.nanoTime() < deadline) {
            online = (int) hub.metrics().sum("gatehouse_device_state", "state=\"ONLINE\"");
            if (online >= devices) {
                return online;
            }
            Thread.sleep(500);
        }
        return online;
    }

    /** Registers terminals through the admin API, a few requests at a time. */
    private record Registrations(HubClient hub, AtomicInteger retries) {
        private static final int CONCURRENT = 8;

        void register(List<String> addresses) throws Exception {
            List<Thread> threads = new ArrayList<>();
            List<Exception> failures = new ArrayList<>();
            for (int t = 0; t < CONCURRENT; t++) {
                int first = t;
                Thread thread = new Thread(() -> {
                    try {
                        for (int i = first; i < addresses.size(); i += CONCURRENT) {
                            registerOne(i, addresses.get(i));
                        }
                    } catch (Exception e) {
                        synchronized (failures) {
                            failures.add(e);
                        }
                    }
                }, "register-" + t);
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            if (!failures.isEmpty()) {
                throw failures.get(0);
            }
        }

        /**
         * Registers terminal {@code i}; a refusal other than "already registered" is retried for a minute (the hub's
         * device table and its event writer share one SQLite database: while events stream in, a registration can
         * fail with SQLITE_BUSY, and an operator would try again).
         */
        private void registerOne(int i, String address) throws IOException, InterruptedException {
            String body = "{\"kind\":\"terminal\",\"id\":\"t" + i + "\",\"host\":\"" + address
                    + "\",\"port\":8000,\"tls\":true,\"username\":\"admin\",\"password\":\"admin\","
                    + "\"channels\":[\"websocket\"]}";
            for (int attempt = 1; ; attempt++) {
                try {
                    hub.post("/api/devices", body, 201);
                    return;
                } catch (IOException e) {
                    if (e instanceof HubClient.UnexpectedAnswer answer && answer.status() == 409) {
                        return; // an earlier attempt did register it
                    }
                    if (attempt == 60) {
                        throw e;
                    }
                    retries.incrementAndGet();
                    Thread.sleep(1000);
                }
            }
        }
    }

    /** One {@code gatehouse simulate} process and its control API. */
    private record Simulator(ChildJvm jvm, int controlPort) implements AutoCloseable {
        private static final HttpClient HTTP = HttpClient.newHttpClient();
        private static final ObjectMapper JSON = new ObjectMapper();

        static Simulator start(List<String> addresses, double rate, List<String> jvmOptions, Path log)
                throws IOException, InterruptedException {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            ChildJvm jvm = ChildJvm.gatehouse(jvmOptions, List.of("simulate", "--terminals",
                    Integer.toString(addresses.size()), "--first-address", addresses.get(0), "--rate",
                    Double.toString(rate), "--history", "10", "--control-port", Integer.toString(port)), Map.of(), log);
            Simulator simulator = new Simulator(jvm, port);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (System.nanoTime() < deadline) {
                if (!jvm.alive()) {
                    throw new IOException("a simulator exited while starting:\n" + jvm.tail());
                }
                try {
                    simulator.streamed();
                    return simulator;
                } catch (IOException notYet) {
                    Thread.sleep(250);
                }
            }
            simulator.close();
            throw new IOException("a simulator's control API did not answer within 5 minutes:\n" + jvm.tail());
        }

        /** WebSocket messages its terminals have sent, from {@code GET /counters}. */
        long streamed() throws IOException, InterruptedException {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + controlPort + "/counters")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("simulator counters: " + response.statusCode());
            }
            return JSON.readTree(response.body()).path("streamed").asLong();
        }

        @Override
        public void close() throws InterruptedException {
            jvm.close();
        }
    }
}
