package io.gatehouse.app;

import io.gatehouse.server.Hub;
import io.gatehouse.server.HubConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gatehouse demo}: the hub and an emulated site in one process, until Ctrl-C. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        header = "Run the hub with an emulated site (two terminals, an SE box with three cameras), until Ctrl-C.",
        description = {
            "Starts the hub on this machine with an emulated site: an entrance terminal (record push and WebSocket),"
                    + " a lab door terminal that asks the hub before it opens (remote authorization), and an SE box"
                    + " with three cameras. They are registered with the hub, which connects to them as to a real"
                    + " site's devices: it configures the terminals and subscribes to every stream. People walk past"
                    + " them; every recognition is stored once and can be watched live. Needs no arguments and no"
                    + " network: everything runs on loopback addresses.",
            "",
            "Each run starts afresh in the data directory (./demo-data); the last run's data stays there until the"
                    + " next. Ctrl-C stops it.",
            ""
        })
final class DemoCommand implements Callable<Integer> {
    static final String MARKER = ".gatehouse-demo";

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port of the hub (default ${DEFAULT-VALUE}; a free one when it is taken).")
    int port = HubConfig.DEFAULT_PORT;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory, emptied at start (default ${DEFAULT-VALUE}).")
    Path data = Path.of("demo-data");

    @Option(names = "--rate", paramLabel = "R", description = "Walk-ups per second at each terminal and camera (default ${DEFAULT-VALUE}).")
    double rate = 0.5;

    @Option(names = "--duration", paramLabel = "SECONDS", hidden = true, description = "Stop by itself (tests).")
    Long duration;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try {
            fresh(data);
        } catch (IOException e) {
            spec.commandLine().getErr().println("demo: " + e.getMessage());
            return 1;
        }
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random(24));
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            awaitQuietly(stopped); // keep the JVM up until the hub has committed what it accepted
        }, "gatehouse-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        // the site runs on the hub's Vert.x: closing the hub stops its connectors first, then the emulated devices
        try (Hub hub = startHub(token)) {
            DemoSite site = DemoSite.start(hub, token, rate);
            List<String> notOnline = DemoSite.awaitOnline(hub.devices().registry(), Duration.ofSeconds(20));
            announce(hub, site, token, notOnline, out);
            if (duration == null) {
                stop.await();
            } else if (!stop.await(duration, TimeUnit.SECONDS)) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        } finally {
            stopped.countDown();
        }
        return 0;
    }

    private Hub startHub(String token) throws Exception {
        HubConfig config = HubConfig.defaults().withBindHost("127.0.0.1").withPort(port).withDataDir(data)
                .withAdminToken(token);
        try {
            return Hub.start(config);
        } catch (Exception e) {
            if (!(rootCause(e) instanceof BindException) || port == 0) {
                throw e;
            }
            return Hub.start(config.withPort(0));
        }
    }

    /** Empties {@code dir} when a demo made it; refuses to touch a directory it did not make. */
    static void fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            if (!Files.exists(dir.resolve(MARKER))) {
                try (Stream<Path> entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new IOException(dir.toAbsolutePath() + " exists and was not made by the demo; give"
                                + " --data another directory");
                    }
                }
            }
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(dir)) {
                        Files.delete(p);
                    }
                }
            }
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(MARKER), "made by gatehouse demo; emptied when the demo starts again\n");
    }

    private static void announce(Hub hub, DemoSite site, String token, List<String> notOnline, PrintWriter out) {
        String base = "http://127.0.0.1:" + hub.port();
        String auth = "-H 'Authorization: Bearer " + token + "'";
        out.println("Gatehouse demo is running. Ctrl-C stops it.");
        out.println();
        out.println("  console:        " + base + "/console/   (sign in with the admin token)");
        out.println("  admin token:    " + token);
        out.println("  events:         curl " + auth + " '" + base + "/api/events?limit=5'");
        out.println("  live stream:    curl -N " + auth + " " + base + "/api/events/stream");
        out.println("  devices:        curl " + auth + " " + base + "/api/devices");
        out.println("  lab door:       curl " + auth + " " + base + "/api/authorizations   (asked -> answered -> door)");
        out.println("  API description " + base + "/openapi.json   health " + base + "/health/ready   metrics "
                + base + "/metrics");
        out.println("  data:           " + hub.config().dataDir().toAbsolutePath());
        out.println();
        out.println("Emulated site, connected by the hub (people walk past every few seconds):");
        site.describe().forEach(out::println);
        if (!notOnline.isEmpty()) {
            out.println();
            out.println("Not connected yet (see /api/devices):");
            notOnline.forEach(line -> out.println("  " + line));
        }
        out.flush();
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
