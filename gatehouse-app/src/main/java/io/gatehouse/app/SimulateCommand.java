package io.gatehouse.app;

import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.sense.SenseVersion;
import io.gatehouse.protocol.sophon.SophonVersion;
import io.gatehouse.simulator.SimulatedSite;
import io.gatehouse.simulator.SiteConfig;
import io.gatehouse.simulator.control.ControlApi;
import io.gatehouse.simulator.device.CounterSnapshot;
import io.gatehouse.simulator.device.SimulatedDevice;
import io.gatehouse.simulator.roster.Roster;
import io.gatehouse.simulator.sophon.SeBox;
import io.gatehouse.simulator.terminal.Terminal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gatehouse simulate}: run emulated terminals and SE boxes until interrupted. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        header = "Run emulated SenseNebula Pass terminals and Sophon SE boxes on loopback addresses.",
        description = {
            "Starts N terminals, then M SE boxes, on consecutive loopback addresses from --first-address (Linux routes"
                    + " all of 127.0.0.0/8 with no set-up), each with its documented ports: a terminal serves its Web API"
                    + " over HTTPS on 8000, a box its camera list on 5555 and its WebSocket on 5679. It prints a table of"
                    + " the devices and runs until Ctrl-C.",
            "",
            "A control API on 127.0.0.1 (see docs/SIMULATOR.md) triggers walk-ups and alarms, takes a device's network"
                    + " down or slows it, and reads its counters.",
        },
        footer = {
            "",
            "Examples:",
            "  gatehouse simulate --terminals 1 --se-boxes 1 --cameras 2 --rate 2 --password PASS",
            "  gatehouse simulate --terminals 1000 --rate 1 --event-dest http://127.0.0.1:8080/push --duration 60",
        })
final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--terminals", paramLabel = "N", description = "Terminals to run (default: ${DEFAULT-VALUE}).")
    int terminals = 1;

    @Option(names = "--se-boxes", paramLabel = "M", description = "SE boxes to run (default: ${DEFAULT-VALUE}).")
    int boxes = 0;

    @Option(names = "--cameras", paramLabel = "K", description = "Cameras per SE box (default: ${DEFAULT-VALUE}).")
    int cameras = 2;

    @Option(names = "--rate", paramLabel = "R",
            description = "Recognitions per second per terminal and per box camera; 0 = only when asked (default: ${DEFAULT-VALUE}).")
    double rate = 0;

    @Option(names = "--user", paramLabel = "NAME", description = "Terminal account (default: ${DEFAULT-VALUE}).")
    String user = "admin";

    @Option(names = "--password", paramLabel = "PASS", description = "Terminal password (default: ${DEFAULT-VALUE}).")
    String password = "admin";

    @Option(names = "--versions", paramLabel = "V[,V...]", split = ",",
            description = "Terminal firmware versions, given to terminals in turn: v0.0.8, v1.1.0, v1.2.1, v1.3.0 (default: v1.3.0).")
    List<String> versions = List.of("v1.3.0");

    @Option(names = "--box-version", paramLabel = "V5|V6", description = "SE box document version (default: ${DEFAULT-VALUE}).")
    String boxVersion = "V5";

    @Option(names = "--plain-http", description = "Serve the terminals' Web API over plain HTTP instead of HTTPS.")
    boolean plainHttp;

    @Option(names = "--roster", paramLabel = "FILE", description = "People the devices know (JSON, see docs/SIMULATOR.md).")
    Path roster;

    @Option(names = "--first-address", paramLabel = "IP", description = "First device address (default: ${DEFAULT-VALUE}).")
    String firstAddress = "127.0.1.1";

    @Option(names = "--event-dest", paramLabel = "URL",
            description = "Push every terminal's records here from the start (otherwise a hub sets it with POST /v1/event/subscribe).")
    String eventDest;

    @Option(names = "--control-port", paramLabel = "PORT",
            description = "Port of the control API on 127.0.0.1; -1 turns it off (default: ${DEFAULT-VALUE}).")
    int controlPort = 7700;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Stop by itself after this long (default: run until Ctrl-C).")
    Long duration;

    @Option(names = "--stats-every", paramLabel = "SECONDS", description = "Print fleet totals this often (default: never).")
    Long statsEvery;

    @Option(names = "--history", paramLabel = "N", description = "Records each terminal keeps for /v1/event/records (default: ${DEFAULT-VALUE}).")
    int history = 10_000;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SiteConfig config;
        try {
            config = config();
        } catch (IllegalArgumentException | IOException | DecodeException e) {
            spec.commandLine().getErr().println("simulate: " + e.getMessage());
            return 2;
        }
        PrintWriter out = spec.commandLine().getOut();
        SimulatedSite site = SimulatedSite.start(config);
        ControlApi control = controlPort < 0 ? null
                : ControlApi.start(site, "127.0.0.1", controlPort).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        DeviceTable.print(out, site);
        if (control != null) {
            out.println("control API: http://127.0.0.1:" + control.port() + "/devices");
        }
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> stop(site, control, stopped), "gatehouse-simulate-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (statsEvery != null) {
            site.vertx().setPeriodic(statsEvery * 1000, id -> printTotals(site));
        }
        if (duration != null && !stopped.await(duration, TimeUnit.SECONDS)) {
            printTotals(site);
            Runtime.getRuntime().removeShutdownHook(hook);
            stop(site, control, stopped);
        }
        stopped.await();
        return 0;
    }

    private SiteConfig config() throws IOException, DecodeException {
        if (terminals < 0 || boxes < 0 || cameras < 0 || rate < 0) {
            throw new IllegalArgumentException("counts and rate must not be negative");
        }
        List<SenseVersion> terminalVersions = versions.stream().map(SenseVersion::fromLabel).toList();
        Roster people = roster == null ? Roster.standard(java.time.Instant.now()) : Roster.load(roster);
        return SiteConfig.defaults().withDevices(terminals, boxes, cameras).withRate(rate)
                .withCredentials(user, password).withTls(!plainHttp).withFirstAddress(firstAddress)
                .withVersions(terminalVersions, SophonVersion.fromLabel(boxVersion)).withRoster(people)
                .withEventDest(eventDest).withCapacities(50_000, history);
    }

    private static void stop(SimulatedSite site, ControlApi control, CountDownLatch stopped) {
        try {
            if (control != null) {
                control.close();
            }
            site.close();
        } catch (Exception e) {
            System.err.println("simulate: stopping: " + e.getMessage());
        } finally {
            stopped.countDown();
        }
    }

    /** One line of fleet totals on standard error: what was produced, delivered, cached, and the heap. */
    private static void printTotals(SimulatedSite site) {
        long[] sums = new long[4];
        int cacheSize = 0;
        for (SimulatedDevice device : site.devices()) {
            CounterSnapshot c = device.counters();
            sums[0] += c.generated();
            sums[1] += c.delivered();
            sums[2] += c.get(io.gatehouse.simulator.device.Counter.STREAMED);
            sums[3] += c.dropped();
            cacheSize += c.cacheSize();
        }
        Runtime runtime = Runtime.getRuntime();
        long usedMiB = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
        System.err.printf("simulate: devices=%d generated=%d delivered=%d streamed=%d cached_now=%d dropped=%d heap_used=%dMiB%n",
                site.devices().size(), sums[0], sums[1], sums[2], cacheSize, sums[3], usedMiB);
    }

    /** The table of devices the command prints at start. */
    static final class DeviceTable {
        private DeviceTable() {
        }

        static void print(PrintWriter out, SimulatedSite site) {
            String format = "%-9s %-19s %-8s %-12s %-28s %s%n";
            out.printf(format, "KIND", "SERIAL", "VERSION", "ADDRESS", "PORTS", "CREDENTIALS");
            for (SimulatedDevice device : site.devices()) {
                String ports = device.ports().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "));
                String credentials = device instanceof Terminal t ? t.username() + " / " + t.password() : "-";
                out.printf(format, device.kind().label(), device.serial(), device.version(), device.address(), ports,
                        credentials);
            }
            for (SeBox box : site.boxes()) {
                out.println(box.serial() + " cameras: " + box.cameras().stream()
                        .map(c -> c.id() + " (" + c.name() + ")").collect(Collectors.joining(", ")));
            }
        }
    }
}
