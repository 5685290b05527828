package io.gatehouse.bench.fleet;

import io.gatehouse.bench.ChildJvm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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

/**
 * {@code gatehouse serve} on 127.0.0.1 in a child JVM, with a fresh data directory and a known admin token, and the
 * few admin calls the benchmarks make.
 */
final class HubProcess implements AutoCloseable {
    static final String TOKEN = "bench-admin-token-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final ChildJvm jvm;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HubProcess(ChildJvm jvm, String baseUrl) {
        this.jvm = jvm;
        this.baseUrl = baseUrl;
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
        HubProcess hub = new HubProcess(jvm, url);
        hub.awaitLive();
        return hub;
    }

    private void awaitLive() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!jvm.alive()) {
                throw new IOException("the hub exited while starting:\n" + jvm.tail());
            }
            try {
                if (send(HttpRequest.newBuilder(URI.create(baseUrl + "/health/live")).GET()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IOException("the hub did not answer /health/live within " + START_TIMEOUT + ":\n" + jvm.tail());
    }

    ChildJvm jvm() {
        return jvm;
    }

    /** An admin GET that must answer 200. */
    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(admin(path).GET());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** An admin POST of JSON that must answer 2xx. */
    JsonNode post(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = send(admin(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        if (response.statusCode() / 100 != 2) {
            throw new IOException("POST " + path + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Waits until the device's state is {@code state} (ONLINE: its connector has configured it). */
    void awaitState(String deviceId, String state, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String now = null;
        while (System.nanoTime() < deadline) {
            now = get("/api/devices/" + deviceId).path("state").path("state").asText();
            if (now.equals(state)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IOException("device " + deviceId + " is " + now + ", not " + state + ", after " + timeout);
    }

    /** The Prometheus text of {@code /metrics}. */
    String metrics() throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/metrics")).GET()).body();
    }

    private HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + TOKEN);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        jvm.close();
    }
}
