package io.gatehouse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.protocol.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The benchmarks' client of a running hub's HTTP API: admin calls with the bearer token, waiting for a health
 * endpoint, and the Prometheus text of {@code /metrics}. Every request has a 60 s timeout so a stuck hub ends a run
 * with an error instead of hanging it.
 */
public final class HubClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    public HubClient(String baseUrl, String token) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
    }

    /** An answer other than the one the call needs; {@link #status()} lets a caller tell a conflict from a fault. */
    public static final class UnexpectedAnswer extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;

        UnexpectedAnswer(HttpResponse<String> response, int expected) {
            super(response.request().method() + " " + response.request().uri().getPath() + ": expected " + expected
                    + ", got " + response.statusCode() + " " + response.body());
            this.status = response.statusCode();
        }

        public int status() {
            return status;
        }
    }

    /**
     * Waits until {@code healthPath} answers 200. With a {@code child} (the hub's own JVM, or {@code null} for a hub
     * run elsewhere), a hub that exits while starting fails at once, with the end of its log.
     */
    public void awaitHealth(String healthPath, Duration timeout, ChildJvm child)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (child != null && !child.alive()) {
                throw new IOException("the hub exited while starting:\n" + child.tail());
            }
            try {
                HttpResponse<String> health = send(HttpRequest.newBuilder(uri(healthPath)).GET());
                if (health.statusCode() == 200) {
                    return;
                }
                last = health.statusCode() + " " + health.body();
            } catch (IOException notYet) {
                last = notYet.toString(); // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IOException("the hub at " + baseUrl + " did not answer " + healthPath + " with 200 within " + timeout
                + ": " + last + (child == null ? "" : "\n" + child.tail()));
    }

    /** An admin GET that must answer 200. */
    public JsonNode get(String path) throws IOException, InterruptedException {
        return expect(200, adminGet(path));
    }

    /** An admin GET, whatever it answers. */
    public HttpResponse<String> adminGet(String path) throws IOException, InterruptedException {
        return send(admin(path).GET());
    }

    /** An admin POST of JSON that must answer {@code status}. */
    public JsonNode post(String path, String json, int status) throws IOException, InterruptedException {
        return expect(status, send(admin(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))));
    }

    /** Waits until the device's state is {@code state} (ONLINE: its connector has configured it). */
    public void awaitState(String deviceId, String state, Duration timeout) throws IOException, InterruptedException {
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

    /** The hub's Prometheus text ({@code /metrics}, which needs no token). */
    public Metrics metrics() throws IOException, InterruptedException {
        return new Metrics(send(HttpRequest.newBuilder(uri("/metrics")).GET()).body());
    }

    /** The body of {@code response} as JSON, when it has {@code status}. */
    public static JsonNode expect(int status, HttpResponse<String> response) throws IOException {
        if (response.statusCode() != status) {
            throw new UnexpectedAnswer(response, status);
        }
        return Json.standard().mapper().readTree(response.body());
    }

    private HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token);
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
