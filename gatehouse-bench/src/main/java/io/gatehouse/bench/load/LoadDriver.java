package io.gatehouse.bench.load;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.bench.load.Fleet.Scenario;
import io.gatehouse.protocol.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The whole-system load driver: emulated terminals, each on its own loopback address, POST realistic record
 * pushes or remote-authorization requests to a hub at a constant offered rate, stepping the rate up to find
 * the highest one that still meets the latency target. Prints a table and writes a JSON file per run.
 * {@code hub} does the whole comparison in one command: a hub of its own, then the ceiling.
 */
@Command(name = "gatehouse-load", mixinStandardHelpOptions = true,
        subcommands = {LoadDriver.Run.class, LoadDriver.Ceiling.class, HubCommand.class},
        description = "Open-loop load driver for Gatehouse and for the bare ceiling server it is compared with.")
public final class LoadDriver {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new LoadDriver()).setCaseInsensitiveEnumValuesAllowed(true);
    }

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
            description = "Step the offered rate up against given receiver URLs and report latency percentiles at each step.")
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

        @Option(names = "--keep-going", description = "Run every rate even after one was not sustained.")
        boolean keepGoing;

        @Override
        public Integer call() throws Exception {
            List<Fleet.Receivers> receivers = new ArrayList<>();
            for (int i = 0; i < devices; i++) {
                String url = urls.get(i % urls.size());
                receivers.add(new Fleet.Receivers(url, url));
            }
            RateSteps.Outcome outcome;
            try (Fleet fleet = new Fleet(firstAddress, receivers, imageBytes)) {
                outcome = new RateSteps(fleet, Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(durationSeconds),
                        keepGoing, null, null, System.out).run(label, scenario, rates, p99TargetMillis);
            }
            report(outcome);
            return 0;
        }

        private void report(RateSteps.Outcome outcome) throws Exception {
            if (out == null) {
                return;
            }
            ObjectNode json = Json.object();
            json.put("label", label);
            json.put("scenario", scenario.name().toLowerCase(Locale.ROOT));
            json.put("date", Instant.now().toString());
            json.put("devices", devices);
            json.put("p99TargetMillis", p99TargetMillis);
            json.put("cores", Runtime.getRuntime().availableProcessors());
            json.put("java", System.getProperty("java.version"));
            ArrayNode steps = json.putArray("steps");
            outcome.steps().forEach(s -> s.into(steps.addObject()));
            RateSteps.Step best = outcome.bestMeetingTarget();
            json.put("highestRateMeetingTarget", best == null ? 0 : best.result().offeredRate());
            Files.write(out, Json.standard().writePretty(json).getBytes(StandardCharsets.UTF_8));
            System.out.println("results written to " + out);
        }
    }
}
