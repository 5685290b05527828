package io.gatehouse.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.protocol.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The load driver's side of the hub's admin API: wait for readiness, load the directory, register the emulated
 * terminals (receiver-only: no password, so the hub does not try to log in to them; it takes what they send), and
 * read back what the hub stored, decided and how much heap it uses.
 */
final class HubAdmin {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    HubAdmin(String baseUrl, String token) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
    }

    /** What the hub did with the load: events stored by its receivers, and decisions in its log. */
    record Tally(long stored, long duplicates, long rejected, long decisionsWritten, long decisionsDropped) {
    }

    /** Waits until {@code /health/ready} answers 200 (store open, directory loaded). */
    void awaitReady(Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < end) {
            try {
                HttpResponse<String> ready = send(HttpRequest.newBuilder(uri("/health/ready")).GET());
                if (ready.statusCode() == 200) {
                    return;
                }
                last = ready.statusCode() + " " + ready.body();
            } catch (java.io.IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the hub at " + baseUrl + " was not ready within " + timeout + ": " + last);
    }

    /** Loads {@link LoadDirectory} for {@code terminals} doors. */
    void importDirectory(int terminals) throws Exception {
        importing("/api/access/import", LoadDirectory.places(terminals));
        for (int from = 0; from < Payloads.PEOPLE; from += 2000) {
            importing("/api/access/import/people", LoadDirectory.people(from, Math.min(Payloads.PEOPLE, from + 2000)));
        }
    }

    private void importing(String path, JsonNode document) throws Exception {
        JsonNode answer = expect(200, post(path, document.toString()));
        if (!answer.path("rejected").isEmpty()) {
            throw new IllegalStateException("the hub refused part of the load directory: " + answer.path("rejected"));
        }
    }

    /** Registers terminal {@code i} of the fleet (from {@code address}) and returns its receiver addresses. */
    Fleet.Receivers registerTerminal(int i, String address) throws Exception {
        String body = Json.object().put("kind", "terminal").put("id", String.format("load-%04d", i))
                .put("name", "Load terminal " + i).put("host", address).put("serial", Fleet.serial(i))
                .set("channels", Json.standard().mapper().valueToTree(List.of("push", "remote-auth"))).toString();
        JsonNode device = expect(201, post("/api/devices", body));
        return new Fleet.Receivers(device.path("receivers").path("push").asText(),
                device.path("receivers").path("auth").asText());
    }

    Tally tally() throws Exception {
        long stored = 0;
        long duplicates = 0;
        long rejected = 0;
        for (JsonNode device : get("/api/devices?kind=terminal").path("devices")) {
            JsonNode counters = device.path("counters");
            stored += counters.path("stored").asLong();
            duplicates += counters.path("duplicates").asLong();
            rejected += counters.path("rejected").asLong();
        }
        // 503 while the hub cannot decide (fail-mode answers in a row); the log's counters are there all the same
        HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/api/access/health")).GET()
                .header("Authorization", "Bearer " + token));
        JsonNode log = expect(health.statusCode() == 503 ? 503 : 200, health).path("decisionLog");
        return new Tally(stored, duplicates, rejected, log.path("written").asLong(), log.path("dropped").asLong());
    }

    /**
     * Waits until the hub has stored at least {@code events} (requests are stored beside their answer, so the last
     * ones may still be on their way) or the count stops growing for 10 s, and returns the tally.
     */
    Tally settle(long events) throws Exception {
        Tally tally = tally();
        long still = System.nanoTime();
        while (tally.stored() + tally.duplicates() < events && System.nanoTime() - still < 10_000_000_000L) {
            Thread.sleep(250);
            Tally next = tally();
            if (next.stored() != tally.stored()) {
                still = System.nanoTime();
            }
            tally = next;
        }
        return tally;
    }

    /** Heap in use, summed over the heap pools of the hub's Prometheus metrics; -1 when unreadable. */
    long heapUsedBytes() {
        try {
            HttpResponse<String> metrics = send(HttpRequest.newBuilder(uri("/metrics")).GET());
            double sum = 0;
            for (String line : metrics.body().split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return (long) sum;
        } catch (Exception e) {
            return -1;
        }
    }

    /** The hub's own latency figures (timers' quantiles, counts and sums), for the report. */
    List<String> timers() throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line : send(HttpRequest.newBuilder(uri("/metrics")).GET()).body().split("\n")) {
            if (line.startsWith("gatehouse_") && line.contains("_seconds") && !line.startsWith("#")) {
                lines.add(line);
            }
        }
        return lines;
    }

    private JsonNode get(String path) throws Exception {
        return expect(200, send(HttpRequest.newBuilder(uri(path)).GET().header("Authorization", "Bearer " + token)));
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode expect(int status, HttpResponse<String> response) throws Exception {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath()
                    + ": expected " + status + ", got " + response.statusCode() + " " + response.body());
        }
        return Json.standard().parse(response.body());
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    /** Registers {@code count} terminals from consecutive loopback addresses. */
    List<Fleet.Receivers> registerTerminals(int count, String firstAddress) throws Exception {
        List<Fleet.Receivers> receivers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            receivers.add(registerTerminal(i, Fleet.address(firstAddress, i)));
        }
        return receivers;
    }
}
