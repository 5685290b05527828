package io.gatehouse.bench.fleet;

import io.gatehouse.bench.ChildJvm;
import io.gatehouse.bench.HubClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code gatehouse serve} on 127.0.0.1 in a child JVM, with a fresh data directory and a known admin token; the
 * benchmarks talk to it through its {@link #client()}.
 */
final class HubProcess implements AutoCloseable {
    private static final String TOKEN = "bench-admin-token-0123456789abcdef";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final ChildJvm jvm;
    private final HubClient client;

    private HubProcess(ChildJvm jvm, HubClient client) {
        this.jvm = jvm;
        this.client = client;
    }

    /** Starts the hub with {@code jvmOptions} (heap, flight recorder) and {@code settings} ({@code --set K=V}). */
    static HubProcess start(Path dataDir, List<String> jvmOptions, List<String> settings)
            throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        int port = ChildJvm.freePort();
        String url = "http://127.0.0.1:" + port;
        List<String> args = new ArrayList<>(List.of("serve", "--bind", "127.0.0.1", "--port", Integer.toString(port),
                "--data", dataDir.toString(), "--public-url", url));
        settings.forEach(s -> args.addAll(List.of("--set", s)));
        ChildJvm jvm = ChildJvm.gatehouse(jvmOptions, args, Map.of("GATEHOUSE_ADMIN_TOKEN", TOKEN),
                dataDir.resolveSibling(dataDir.getFileName() + "-hub.log"));
        HubProcess hub = new HubProcess(jvm, new HubClient(url, TOKEN));
        try {
            hub.client.awaitHealth("/health/live", START_TIMEOUT, jvm);
        } catch (IOException | InterruptedException | RuntimeException e) {
            jvm.close(); // a hub that did not come up in time must not outlive the benchmark
            throw e;
        }
        return hub;
    }

    ChildJvm jvm() {
        return jvm;
    }

    HubClient client() {
        return client;
    }

    @Override
    public void close() throws InterruptedException {
        jvm.close();
    }
}
