package io.gatehouse.bench.load;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.json.Json;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The whole-system load driver: emulated terminals, each on its own loopback address, POST realistic record
 * pushes or remote-authorization requests to a hub at a constant offered rate, stepping the rate up to find
 * the highest one that still meets the latency target. Prints a table and writes a JSON file per run.
 */
@Command(name = "gatehouse-load", mixinStandardHelpOptions = true,
        subcommands = {LoadDriver.Run.class, LoadDriver.Ceiling.class},
        description = "Open-loop load driver for Gatehouse and for the bare ceiling server it is compared with.")
public final class LoadDriver {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new LoadDriver()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    enum Scenario { PUSH, AUTH }

    @Command(name = "ceiling", mixinStandardHelpOptions = true,
            description = "Serve the bare ceiling: read each body, answer the same small JSON, nothing else. Runs until killed.")
    static final class Ceiling implements Callable<Integer> {
        @Option(names = "--bind", defaultValue = "127.0.0.1") String bind;
        @Option(names = "--port", defaultValue = "9900") int port;

        @Override
        public Integer call() throws Exception {
            try (CeilingServer server = CeilingServer.start(bind, port)) {
                System.out.println("ceiling server on http://" + bind + ":" + server.port() + "/");
                new CountDownLatch(1).await();
            }
            return 0;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Step the offered rate up and report latency percentiles at each step.")
    static final class Run implements Callable<Integer> {
        @Option(names = "--scenario", defaultValue = "push", description = "push or auth (default: ${DEFAULT-VALUE}).")
        Scenario scenario;

        @Option(names = "--url", required = true, split = ",",
                description = "Receiver URL(s); device i uses URL i modulo their number (one per device for a hub's per-device URLs).")
        List<String> urls;

        @Option(names = "--devices", defaultValue = "10", description = "Emulated terminals, one loopback address each (default: ${DEFAULT-VALUE}).")
        int devices;

        @Option(names = "--first-address", defaultValue = "127.0.2.1", description = "First source address (default: ${DEFAULT-VALUE}).")
        String firstAddress;

        @Option(names = "--rates", split = ",", defaultValue = "100,200,400,800,1600",
                description = "Offered rates to step through, requests/s in total (default: ${DEFAULT-VALUE}).")
        List<Double> rates;

        @Option(names = "--duration", defaultValue = "20", description = "Measured seconds per step (default: ${DEFAULT-VALUE}).")
        int durationSeconds;

        @Option(names = "--warmup", defaultValue = "5", description = "Unmeasured seconds before each step (default: ${DEFAULT-VALUE}).")
        int warmupSeconds;

        @Option(names = "--p99-target-ms", defaultValue = "10", description = "Latency target for a step to pass (default: ${DEFAULT-VALUE}).")
        double p99TargetMillis;

        @Option(names = "--image-bytes", defaultValue = "30000", description = "Size of the JPEG in each body (default: ${DEFAULT-VALUE}).")
        int imageBytes;

        @Option(names = "--label", defaultValue = "gatehouse", description = "Name of the system under test, in the report.")
        String label;

        @Option(names = "--out", description = "JSON file to write the results to.")
        Path out;

        @Option(names = "--keep-going", description = "Run every rate even after one fails.")
        boolean keepGoing;

        @Override
        public Integer call() throws Exception {
            Vertx vertx = Vertx.vertx();
            try {
                List<Device> fleet = startDevices(vertx);
                OpenLoop loop = new OpenLoop(20_000);
                List<OpenLoop.Result> results = new ArrayList<>();
                System.out.printf("%s, scenario %s, %d devices from %s, body %d bytes%n", label, scenario, devices,
                        firstAddress, fleet.get(0).payloads.pushSize());
                System.out.printf("%10s %10s %9s %9s %9s %9s %8s %8s  %s%n", "offered/s", "ok/s", "p50 ms",
                        "p99 ms", "p99.9 ms", "max ms", "failed", "overload", "verdict");
                for (double rate : rates) {
                    loop.run(rate, Duration.ofSeconds(warmupSeconds), i -> send(fleet, i));
                    OpenLoop.Result result = loop.run(rate, Duration.ofSeconds(durationSeconds), i -> send(fleet, i));
                    results.add(result);
                    boolean pass = passes(result);
                    System.out.printf("%10.0f %10.0f %9.2f %9.2f %9.2f %9.2f %8d %8d  %s%n", rate, result.achievedRate(),
                            result.percentileMillis(50), result.percentileMillis(99), result.percentileMillis(99.9),
                            result.latency().getMaxValue() / 1e6, result.failed(), result.overload(), pass ? "meets target" : "MISSES target");
                    if (!pass && !keepGoing) {
                        break;
                    }
                }
                report(results);
                return 0;
            } finally {
                vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
        }

        private boolean passes(OpenLoop.Result r) {
            return r.failed() == 0 && r.overload() == 0 && r.percentileMillis(99) <= p99TargetMillis
                    && r.achievedRate() >= 0.95 * r.offeredRate();
        }

        /**
         * One emulated terminal. Its requests are started on its own Vert.x context: calling the HTTP client
         * from a foreign thread left a few requests hanging forever in Vert.x 5.0.7 (seen here, keep-alive on).
         */
        private record Device(Context context, HttpClientAgent client, String url, Payloads payloads) {
        }

        private List<Device> startDevices(Vertx vertx) throws Exception {
            byte[] first = InetAddress.getByName(firstAddress).getAddress();
            List<Device> fleet = new ArrayList<>();
            for (int i = 0; i < devices; i++) {
                byte[] address = first.clone();
                int last = (address[3] & 0xFF) + i;
                address[2] = (byte) ((address[2] & 0xFF) + last / 255);
                address[3] = (byte) (last % 255);
                String source = InetAddress.getByAddress(address).getHostAddress();
                HttpClientAgent client = vertx.createHttpClient(
                        new HttpClientOptions().setLocalAddress(source).setKeepAlive(true).setTrustAll(true)
                                .setVerifyHost(false).setConnectTimeout(5000),
                        new PoolOptions().setHttp1MaxSize(16).setMaxWaitQueueSize(10_000));
                fleet.add(new Device(vertx.getOrCreateContext(), client, urls.get(i % urls.size()), new Payloads(String.format("PSC700LOAD%08d", i), imageBytes)));
            }
            return fleet;
        }

        private java.util.concurrent.CompletionStage<?> send(List<Device> fleet, long i) {
            Device device = fleet.get((int) (i % fleet.size()));
            byte[] body = scenario == Scenario.PUSH ? device.payloads.push() : device.payloads.authRequest(i / fleet.size());
            RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(device.url)
                    .setConnectTimeout(5_000).setIdleTimeout(10_000)
                    .putHeader("Content-Type", "application/json");
            CompletableFuture<Buffer> answered = new CompletableFuture<>();
            device.context.runOnContext(ignored -> device.client.request(request)
                    .compose(r -> r.send(Buffer.buffer(body)))
                    .compose(response -> response.body().compose(answer -> response.statusCode() == 200
                            ? Future.succeededFuture(answer)
                            : Future.failedFuture("HTTP " + response.statusCode())))
                    .onFailure(this::noteFailure)
                    .onComplete(result -> {
                        if (result.succeeded()) {
                            answered.complete(result.result());
                        } else {
                            answered.completeExceptionally(result.cause());
                        }
                    }));
            return answered;
        }

        private final java.util.Set<String> failureKinds = java.util.concurrent.ConcurrentHashMap.newKeySet();

        /** Prints each kind of failure once, so a misconfigured run explains itself. */
        private void noteFailure(Throwable error) {
            String kind = error.getClass().getSimpleName() + ": " + error.getMessage();
            if (failureKinds.size() < 20 && failureKinds.add(kind)) {
                System.err.println("request failed: " + kind);
            }
        }

        private void report(List<OpenLoop.Result> results) throws Exception {
            if (out == null) {
                return;
            }
            ObjectNode json = Json.object();
            json.put("label", label);
            json.put("scenario", scenario.name().toLowerCase(java.util.Locale.ROOT));
            json.put("date", Instant.now().toString());
            json.put("devices", devices);
            json.put("p99TargetMillis", p99TargetMillis);
            json.put("cores", Runtime.getRuntime().availableProcessors());
            json.put("java", System.getProperty("java.version"));
            ArrayNode steps = json.putArray("steps");
            double best = 0;
            for (OpenLoop.Result r : results) {
                ObjectNode step = steps.addObject();
                step.put("offeredRate", r.offeredRate());
                step.put("achievedRate", r.achievedRate());
                step.put("ok", r.ok());
                step.put("failed", r.failed());
                step.put("overload", r.overload());
                step.put("p50Millis", r.percentileMillis(50));
                step.put("p99Millis", r.percentileMillis(99));
                step.put("p999Millis", r.percentileMillis(99.9));
                step.put("maxMillis", r.latency().getMaxValue() / 1e6);
                step.put("meetsTarget", passes(r));
                if (passes(r)) {
                    best = Math.max(best, r.offeredRate());
                }
            }
            json.put("highestRateMeetingTarget", best);
            Files.write(out, Json.standard().writePretty(json).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            System.out.println("results written to " + out);
        }
    }
}
