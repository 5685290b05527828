package io.gatehouse.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code gatehouse serve} as a child process on a loopback port, with a known admin token: started, killed with
 * SIGKILL (no shutdown hook runs), started again on the same port and data directory.
 */
final class ChildHub implements AutoCloseable {
    static final String TOKEN = "child-hub-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path data;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private Process process;

    ChildHub(Path dir) throws IOException {
        this.data = dir.resolve("data");
        this.log = dir.resolve("hub.log");
        try (ServerSocket probe = new ServerSocket(0)) {
            this.port = probe.getLocalPort();
        }
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the hub and waits until it is ready. */
    void start() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), Gatehouse.class.getName(),
                "serve", "--port", String.valueOf(port), "--bind", "127.0.0.1", "--data", data.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("GATEHOUSE_ADMIN_TOKEN", TOKEN);
        process = builder.start();
        int ready = 0;
        for (int i = 0; i < 600 && ready != 200 && process.isAlive(); i++) {
            try {
                ready = http.send(HttpRequest.newBuilder(URI.create(base() + "/health/ready"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
            if (ready != 200) {
                Thread.sleep(100);
            }
        }
        if (ready != 200) {
            throw new AssertionError("the hub did not become ready: " + Files.readString(log));
        }
    }

    /** SIGKILL: the process dies at once, whatever it was doing. */
    void kill() throws Exception {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the hub did not die");
        }
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(path + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Registers a terminal and returns its push address. */
    String registerTerminal(String id, String serial) throws Exception {
        HttpResponse<String> response = post("/api/devices", "{\"kind\":\"terminal\",\"id\":\"" + id
                + "\",\"host\":\"127.0.0.1\",\"serial\":\"" + serial + "\",\"channels\":[\"push\"]}");
        if (response.statusCode() != 201) {
            throw new AssertionError(response.body());
        }
        return JSON.readTree(response.body()).path("receivers").path("push").asText();
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(60, TimeUnit.SECONDS);
        }
    }
}
