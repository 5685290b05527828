package io.gatehouse.app;

import io.gatehouse.server.Hub;
import io.gatehouse.server.HubConfig;
import io.gatehouse.server.config.ConfigException;
import io.gatehouse.server.config.ConfigSources;
import io.gatehouse.server.config.Setting;
import io.gatehouse.server.config.Settings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gatehouse serve}: run the hub until interrupted. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        header = "Run the hub: receive device events, answer the doors, store and serve the events.",
        description = {
            "Starts the Gatehouse hub with its embedded store (SQLite databases, images included, in the data"
                    + " directory). It runs until Ctrl-C (SIGINT) or SIGTERM, then stops taking requests, commits every"
                    + " event it accepted, and exits.",
            "",
            "It needs no configuration file: every setting has a default. Each setting below can be given in a YAML"
                    + " file (--config, or GATEHOUSE_CONFIG), as an environment variable, or on the command line;"
                    + " the command line wins over the environment, which wins over the file.",
            "",
        })
final class ServeCommand implements Callable<Integer> {
    static final int CONFIG_ERROR = 2;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port of the API and the device receivers (default 8080; 0 picks a free one).")
    String port;

    @Option(names = "--bind", paramLabel = "HOST", description = "Address to listen on (default 0.0.0.0: every interface).")
    String bind;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory: database, images, admin token (default ./data).")
    String data;

    @Option(names = "--public-url", paramLabel = "URL", description = "Base URL devices use to reach the hub, e.g. http://192.0.2.10:8080.")
    String publicUrl;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML file of settings (default: GATEHOUSE_CONFIG, else none).")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any setting below by its key, e.g. --set retention.max-age=90d (repeatable).")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--print-config", description = "Print every setting's effective value and where it came from, then exit.")
    boolean printConfig;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The environment settings are read from; tests replace it. */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() throws Exception {
        Settings settings;
        HubConfig config;
        try {
            settings = new ConfigSources(HubConfig.SETTINGS).resolve(configFile(), environment, flags());
            config = HubConfig.from(settings);
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("serve: " + e.getMessage());
            return CONFIG_ERROR;
        }
        if (printConfig) {
            print(settings, spec.commandLine().getOut());
            return 0;
        }
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Hub started;
        try {
            started = Hub.start(config);
        } catch (Exception e) {
            spec.commandLine().getErr().println("serve: cannot start: " + describe(e));
            return 1;
        }
        try (Hub hub = started) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop.countDown();
                awaitQuietly(stopped); // keep the JVM up until the hub has committed what it accepted
            }, "gatehouse-shutdown"));
            announce(hub, config, spec.commandLine().getOut());
            stop.await();
        } finally {
            stopped.countDown();
        }
        return 0;
    }

    private Path configFile() {
        if (configFile != null) {
            return configFile;
        }
        String fromEnvironment = environment.get("GATEHOUSE_CONFIG");
        return fromEnvironment == null || fromEnvironment.isBlank() ? null : Path.of(fromEnvironment);
    }

    private Map<String, ConfigSources.Flag> flags() {
        Map<String, ConfigSources.Flag> flags = new LinkedHashMap<>();
        set.forEach((key, value) -> flags.put(key, new ConfigSources.Flag("--set " + key, value)));
        putIfGiven(flags, "port", "--port", port);
        putIfGiven(flags, "bind", "--bind", bind);
        putIfGiven(flags, "data", "--data", data);
        putIfGiven(flags, "public-url", "--public-url", publicUrl);
        return flags;
    }

    private static void putIfGiven(Map<String, ConfigSources.Flag> flags, String key, String flag, String value) {
        if (value != null) {
            flags.put(key, new ConfigSources.Flag(flag, value));
        }
    }

    private static void announce(Hub hub, HubConfig config, PrintWriter out) {
        String base = "http://" + (config.bindHost().equals("0.0.0.0") ? "localhost" : config.bindHost()) + ":" + hub.port();
        out.println("Gatehouse is serving on " + base + " (data: " + config.dataDir().toAbsolutePath() + ")");
        out.println("  events:  " + base + "/api/events   live: " + base + "/api/events/stream");
        out.println("  API description: " + base + "/openapi.json   health: " + base + "/health/ready   metrics: "
                + base + "/metrics");
        out.println("  admin token: " + (config.adminToken() != null ? "from GATEHOUSE_ADMIN_TOKEN / the configuration"
                : "in " + config.dataDir().resolve("admin-token")));
        out.flush();
    }

    static void print(Settings settings, PrintWriter out) {
        settings.effective().forEach((setting, value) -> {
            String shown = value == null ? "(not set)" : setting.secret() ? "(secret, set)" : value.raw();
            out.printf("%-22s %-24s %s%n", setting.key(), shown, value == null ? "" : "from " + value.source());
        });
        out.flush();
    }

    /** The settings table of {@code --help}: key, environment variable, default, meaning. */
    static String[] footer() {
        List<String> lines = new ArrayList<>();
        lines.add("Settings (YAML key / --set KEY, environment variable, default):");
        for (Setting s : HubConfig.SETTINGS) {
            lines.add(String.format("  %-22s %-32s %s", s.key(), s.environmentVariable(),
                    s.defaultValue() == null ? "-" : s.defaultValue()));
            lines.add("      " + s.description());
        }
        lines.add("");
        lines.add("Durations: 500ms, 45s, 30m, 12h, 90d. Sizes: 500MB, 50GB, 512MiB, bytes.");
        lines.add("Secrets (admin-token) are refused on the command line: use the environment");
        lines.add("or the file.");
        lines.add("");
        lines.add("Examples:");
        lines.add("  gatehouse serve                      # port 8080, data in ./data");
        lines.add("  gatehouse serve --port 9000 --data /var/lib/gatehouse");
        lines.add("  GATEHOUSE_ADMIN_TOKEN=... gatehouse serve --config /etc/gatehouse.yaml");
        lines.add("  gatehouse serve --set retention.max-age=90d --set retention.max-size=50GB");
        lines.add("  gatehouse serve --config /etc/gatehouse.yaml --print-config");
        lines.add("                                       # what would it use, and from where?");
        lines.add("");
        lines.add("Operators' guide: docs/OPERATIONS.md. API: docs/API.md, or /openapi.json.");
        lines.add("Exit status: 143 stopped by SIGTERM/SIGINT (the JVM's convention), 1 could");
        lines.add("not start (port taken, data directory unusable), 2 bad setting.");
        return lines.toArray(String[]::new);
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
