package io.gatehouse.bench.load;

import io.gatehouse.bench.ChildJvm;
import io.gatehouse.bench.HubClient;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.bench.load.Fleet.Scenario;
import io.gatehouse.bench.load.RateSteps.Counters;
import io.gatehouse.bench.load.RateSteps.Memory;
import io.gatehouse.bench.load.RateSteps.Outcome;
import io.gatehouse.bench.load.RateSteps.Step;
import io.gatehouse.protocol.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The whole hub over HTTP, in one command: start a hub in its own JVM ({@code gatehouse.jar serve}) or take a
 * running one, load a directory, register the terminals, drive each scenario through the rate steps, check that
 * every answered request was stored (and every answered authorization decided and logged), then run the same
 * steps against the ceiling server in a JVM of its own, and print both with their ratios.
 */
@Command(name = "hub", mixinStandardHelpOptions = true,
        description = "Drive a real hub over HTTP (started as a child process, or given), then the ceiling with the same steps; print the comparison and write JSON.")
final class HubCommand implements Callable<Integer> {
    @Option(names = "--hub-jar", defaultValue = "gatehouse-app/target/gatehouse.jar",
            description = "The hub to start: java -jar JAR serve (default: ${DEFAULT-VALUE}).")
    Path hubJar;

    @Option(names = "--hub-url", description = "Use this running hub instead of starting one (needs --hub-token).")
    String hubUrl;

    @Option(names = "--hub-token", description = "Admin token of the hub given with --hub-url.")
    String hubToken;

    @Option(names = "--hub-pid", defaultValue = "-1", description = "Process id of the hub given with --hub-url, for its resident memory.")
    long hubPid;

    @Option(names = "--hub-set", description = "A hub setting, KEY=VALUE, passed to serve --set (repeatable), e.g. ingest.auth-answer=fast.")
    List<String> hubSettings = new ArrayList<>();

    @Option(names = "--jvm", description = "A JVM option for the hub and the ceiling alike (repeatable), e.g. -Xmx1g.")
    List<String> jvmOptions = new ArrayList<>();

    @Option(names = "--hub-jvm", description = "A JVM option for the hub only (repeatable), e.g. -XX:StartFlightRecording=filename=hub.jfr.")
    List<String> hubJvmOptions = new ArrayList<>();

    @Option(names = "--ceiling-url", description = "Use this running ceiling server instead of starting one.")
    String ceilingUrl;

    @Option(names = "--no-ceiling", description = "Skip the ceiling run.")
    boolean noCeiling;

    @Option(names = "--pause", defaultValue = "30", description = "Seconds between the hub's run and the ceiling's (default: ${DEFAULT-VALUE}).")
    int pauseSeconds;

    @Option(names = "--devices", defaultValue = "50", description = "Emulated terminals, one loopback address and one door each (default: ${DEFAULT-VALUE}).")
    int devices;

    @Option(names = "--first-address", defaultValue = "127.0.2.1", description = "First source address (default: ${DEFAULT-VALUE}).")
    String firstAddress;

    @Option(names = "--scenarios", split = ",", defaultValue = "auth,push", description = "Scenarios in order (default: ${DEFAULT-VALUE}).")
    List<Scenario> scenarios;

    @Option(names = "--auth-rates", split = ",", defaultValue = "250,500,1000,2000,4000,8000",
            description = "Offered rates of the auth scenario, requests/s (default: ${DEFAULT-VALUE}).")
    List<Double> authRates;

    @Option(names = "--push-rates", split = ",", defaultValue = "500,1000,2000,3000,4000",
            description = "Offered rates of the push scenario, records/s (default: ${DEFAULT-VALUE}).")
    List<Double> pushRates;

    @Option(names = "--auth-duration", defaultValue = "20", description = "Measured seconds per auth step (default: ${DEFAULT-VALUE}).")
    int authSeconds;

    @Option(names = "--push-duration", defaultValue = "60", description = "Measured seconds per push step (default: ${DEFAULT-VALUE}).")
    int pushSeconds;

    @Option(names = "--prime", defaultValue = "60",
            description = "Unmeasured seconds at the first rate before a scenario's steps, so a fresh JVM has compiled its hot paths; under load that takes about a minute (default: ${DEFAULT-VALUE}).")
    int primeSeconds;

    @Option(names = "--warmup", defaultValue = "5", description = "Unmeasured seconds before each step (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--auth-p99-ms", defaultValue = "10", description = "Latency target of an auth step (default: ${DEFAULT-VALUE}).")
    double authTargetMillis;

    @Option(names = "--push-p99-ms", defaultValue = "0", description = "Latency target of a push step; 0: none, sustained is enough (default: ${DEFAULT-VALUE}).")
    double pushTargetMillis;

    @Option(names = "--image-bytes", defaultValue = "22500",
            description = "Least size of the JPEG in each body; the default makes a ~30 KB base64 snapshot (default: ${DEFAULT-VALUE}).")
    int imageBytes;

    @Option(names = "--keep-going", description = "Run every rate even after one was not sustained.")
    boolean keepGoing;

    @Option(names = "--out", description = "JSON file to write the results to.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now();
        ObjectNode report = Json.object();
        report.put("date", started.toString());
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("java", System.getProperty("java.version"));
        report.put("loadAverageAtStart", loadAverage());
        report.put("devices", devices);
        report.put("imageBytes", imageBytes);

        Map<Scenario, Outcome> hub = new LinkedHashMap<>();
        boolean verified = runHub(hub, report.putObject("hub"));
        Map<Scenario, Outcome> ceiling = new LinkedHashMap<>();
        if (!noCeiling) {
            if (ceilingUrl == null) {
                System.out.printf("%npause of %d s before the ceiling%n", pauseSeconds);
                Thread.sleep(pauseSeconds * 1000L);
            }
            runCeiling(ceiling, report.putObject("ceiling"));
        }
        report.put("loadAverageAtEnd", loadAverage());
        compare(hub, ceiling, report.putArray("comparison"));
        if (out != null) {
            Files.write(out, Json.standard().writePretty(report).getBytes(StandardCharsets.UTF_8));
            System.out.println("results written to " + out);
        }
        return verified ? 0 : 1;
    }

    /** Runs the scenarios against the hub; false when the hub did not store or decide every answered request. */
    private boolean runHub(Map<Scenario, Outcome> outcomes, ObjectNode json) throws Exception {
        String token = hubToken != null ? hubToken : HexFormat.of().formatHex(java.security.SecureRandom.getSeed(16));
        ChildJvm child = null;
        try {
            String url = hubUrl;
            long pid = hubPid;
            if (url == null) {
                int port = ChildJvm.freePort();
                Path data = Files.createTempDirectory("gatehouse-load-hub");
                List<String> arguments = new ArrayList<>(List.of("-jar", hubJar.toString(), "serve", "--bind",
                        "127.0.0.1", "--port", Integer.toString(port), "--data", data.toString()));
                hubSettings.forEach(s -> arguments.addAll(List.of("--set", s)));
                List<String> options = new ArrayList<>(jvmOptions);
                options.addAll(hubJvmOptions);
                if (!Files.isRegularFile(hubJar)) {
                    throw new IllegalArgumentException("no hub at " + hubJar + ": build it (./mvnw -B -pl gatehouse-app"
                            + " -am package -DskipTests) or give --hub-jar or --hub-url");
                }
                child = ChildJvm.start(options, arguments, Map.of("GATEHOUSE_ADMIN_TOKEN", token),
                        data.resolve("hub.log"));
                System.out.printf("hub: pid %d, http://127.0.0.1:%d, data and log in %s%n", child.pid(), port, data);
                child.awaitListening("127.0.0.1", port, Duration.ofSeconds(60));
                url = "http://127.0.0.1:" + port;
                pid = child.pid();
                json.put("data", data.toString());
                json.put("jvmOptions", String.join(" ", options));
                json.put("settings", String.join(" ", hubSettings));
            } else if (hubToken == null) {
                throw new IllegalArgumentException("--hub-url needs --hub-token");
            }
            HubClient client = new HubClient(url, token);
            client.awaitHealth("/health/ready", Duration.ofSeconds(60), child);
            HubAdmin admin = new HubAdmin(client);
            admin.importDirectory(devices);
            List<Fleet.Receivers> receivers = admin.registerTerminals(devices, firstAddress);
            long hubProcess = pid;
            Supplier<Memory> memory = () -> new Memory(hubProcess < 0 ? -1 : ChildJvm.rssBytes(hubProcess),
                    admin.heapUsedBytes());
            Thread.sleep(2000);
            Memory idle = memory.get();
            idle.into(json.putObject("idle"));
            System.out.printf("hub idle with %d terminals registered and %d people: RSS %s MiB, heap used %s MiB%n",
                    devices, Payloads.PEOPLE, RateSteps.mib(idle.maxRssBytes()), RateSteps.mib(idle.maxHeapUsedBytes()));

            HubAdmin.Tally before = admin.tally();
            try (Fleet fleet = new Fleet(firstAddress, receivers, imageBytes)) {
                runScenarios("Gatehouse", fleet, memory, admin::counters, outcomes, json);
            }
            boolean verified = verify(admin, before, outcomes, json.putObject("verification"));
            ArrayNode timers = json.putArray("hubTimers");
            admin.timers().forEach(timers::add);
            return verified;
        } finally {
            if (child != null) {
                child.close();
            }
        }
    }

    /**
     * Every request answered 200 must be in the hub: a push is answered after its commit; a remote-authorization
     * request is stored beside its answer, and its decision is committed before it (durable answers). Settles for
     * at most 10 s without progress, so it also reports what is missing.
     */
    private boolean verify(HubAdmin admin, HubAdmin.Tally before, Map<Scenario, Outcome> outcomes, ObjectNode json)
            throws Exception {
        long pushes = outcomes.containsKey(Scenario.PUSH) ? outcomes.get(Scenario.PUSH).answered() : 0;
        long asked = outcomes.containsKey(Scenario.AUTH) ? outcomes.get(Scenario.AUTH).answered() : 0;
        HubAdmin.Tally after = admin.settle(before.stored() + before.duplicates() + pushes + asked);
        long stored = after.stored() - before.stored();
        long duplicates = after.duplicates() - before.duplicates();
        long decisions = after.decisionsWritten() - before.decisionsWritten();
        long rejected = after.rejected() - before.rejected();
        json.put("pushesAnswered", pushes).put("authAnswered", asked).put("eventsStored", stored)
                .put("duplicates", duplicates).put("rejected", rejected)
                .put("decisionsWritten", decisions).put("decisionsDropped", after.decisionsDropped());
        // an authorization request the full store refused is still answered (and its decision logged): the door
        // does not wait for the request's own record, so those are counted apart, not as lost
        boolean complete = stored + rejected >= pushes + asked && duplicates == 0 && decisions >= asked;
        json.put("complete", complete);
        System.out.printf("%nverification: %d pushes and %d authorization requests answered 200; the hub stored %d"
                + " events (%d duplicates, %d refused by the store) and logged %d decisions: %s%n", pushes, asked,
                stored, duplicates, rejected, decisions, complete ? "complete" : "INCOMPLETE");
        return complete;
    }

    private void runCeiling(Map<Scenario, Outcome> outcomes, ObjectNode json) throws Exception {
        ChildJvm child = null;
        try {
            String url = ceilingUrl;
            Supplier<Memory> memory = null;
            if (url == null) {
                int port = ChildJvm.freePort();
                Path log = Files.createTempFile("gatehouse-load-ceiling", ".log");
                List<String> arguments = List.of("-cp", System.getProperty("java.class.path"),
                        LoadDriver.class.getName(), "ceiling", "--bind", "127.0.0.1", "--port", Integer.toString(port));
                child = ChildJvm.start(jvmOptions, arguments, Map.of(), log);
                child.awaitListening("127.0.0.1", port, Duration.ofSeconds(60));
                url = "http://127.0.0.1:" + port;
                long pid = child.pid();
                memory = () -> new Memory(ChildJvm.rssBytes(pid), -1);
                System.out.printf("ceiling: pid %d, %s%n", pid, url);
            }
            List<Fleet.Receivers> receivers = new ArrayList<>();
            for (int i = 0; i < devices; i++) {
                receivers.add(new Fleet.Receivers(url + "/ingest/push/" + i, url + "/ingest/auth/" + i));
            }
            try (Fleet fleet = new Fleet(firstAddress, receivers, imageBytes)) {
                runScenarios("Ceiling", fleet, memory, null, outcomes, json);
            }
        } finally {
            if (child != null) {
                child.close();
            }
        }
    }

    private void runScenarios(String label, Fleet fleet, Supplier<Memory> memory, Supplier<Counters> counters,
                              Map<Scenario, Outcome> outcomes, ObjectNode json) throws Exception {
        for (Scenario scenario : scenarios) {
            boolean push = scenario == Scenario.PUSH;
            RateSteps steps = new RateSteps(fleet, Duration.ofSeconds(warmupSeconds),
                    Duration.ofSeconds(push ? pushSeconds : authSeconds), keepGoing, memory, counters, System.out);
            long primed = steps.prime(scenario, (push ? pushRates : authRates).get(0), Duration.ofSeconds(primeSeconds));
            System.out.println();
            Outcome outcome = steps.run(label, scenario, push ? pushRates : authRates,
                    push ? pushTargetMillis : authTargetMillis);
            outcome = outcome.plusAnswered(primed);
            outcomes.put(scenario, outcome);
            ObjectNode node = json.putObject(name(scenario));
            node.put("p99TargetMillis", outcome.p99TargetMillis());
            node.put("answered", outcome.answered());
            ArrayNode list = node.putArray("steps");
            outcome.steps().forEach(s -> s.into(list.addObject()));
        }
    }

    /** The figures the issue asks for, per scenario: Gatehouse's best rates, the ceiling's, and their ratios. */
    private void compare(Map<Scenario, Outcome> hub, Map<Scenario, Outcome> ceiling, ArrayNode json) {
        System.out.printf("%n%-6s %-28s %12s %9s %9s %9s %14s %9s%n", "", "figure", "Gatehouse/s", "p50 ms",
                "p99 ms", "p99.9 ms", "ceiling/s", "ratio");
        for (Scenario scenario : hub.keySet()) {
            Outcome g = hub.get(scenario);
            Outcome c = ceiling.get(scenario);
            if (g.p99TargetMillis() > 0) {
                row(json, scenario, "highest rate with p99 <= " + fmt(g.p99TargetMillis()) + " ms",
                        g.bestMeetingTarget(), c == null ? null : c.bestMeetingTarget(), c != null && c.peakBeyondSteps());
            }
            row(json, scenario, "highest sustained rate", g.peak(), c == null ? null : c.peak(),
                    c != null && c.peakBeyondSteps());
            Step peak = g.peak();
            if (peak != null) {
                Step half = null;
                for (Step s : g.steps()) {
                    if (s.sustained() && s.result().offeredRate() <= peak.result().offeredRate() / 2
                            && (half == null || s.result().offeredRate() > half.result().offeredRate())) {
                        half = s;
                    }
                }
                row(json, scenario, "at half the peak or below", half, null, false);
            }
        }
    }

    private static void row(ArrayNode json, Scenario scenario, String figure, Step hub, Step ceiling,
                            boolean ceilingBeyond) {
        double rate = hub == null ? 0 : hub.result().offeredRate();
        double ceilingRate = ceiling == null ? 0 : ceiling.result().offeredRate();
        String ratio = ceiling == null || ceilingRate == 0 ? "-" : (ceilingBeyond ? "<= " : "") + fmt(100 * rate / ceilingRate) + " %";
        System.out.printf("%-6s %-28s %12s %9s %9s %9s %14s %9s%n", name(scenario), figure,
                hub == null ? "none" : fmt(rate), hub == null ? "-" : fmt(hub.result().percentileMillis(50)),
                hub == null ? "-" : fmt(hub.result().percentileMillis(99)),
                hub == null ? "-" : fmt(hub.result().percentileMillis(99.9)),
                ceiling == null ? "-" : (ceilingBeyond ? ">= " : "") + fmt(ceilingRate), ratio);
        ObjectNode row = json.addObject().put("scenario", name(scenario)).put("figure", figure).put("gatehouseRate", rate);
        if (hub != null) {
            row.put("p50Millis", hub.result().percentileMillis(50)).put("p99Millis", hub.result().percentileMillis(99))
                    .put("p999Millis", hub.result().percentileMillis(99.9));
        }
        if (ceiling != null) {
            row.put("ceilingRate", ceilingRate).put("ceilingPeakBeyondSteps", ceilingBeyond)
                    .put("ratio", ceilingRate == 0 ? 0 : rate / ceilingRate);
        }
    }

    private static String name(Scenario scenario) {
        return scenario.name().toLowerCase(Locale.ROOT);
    }

    private static String fmt(double value) {
        return value >= 100 ? String.format("%,.0f", value) : String.format("%.2f", value);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
