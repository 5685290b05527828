package io.gatehouse.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.bench.HubClient;
import io.gatehouse.bench.Metrics;
import io.gatehouse.protocol.json.Json;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * What the load driver does through the hub's admin API ({@link HubClient}): load the directory, register the
 * emulated terminals (receiver-only: no password, so the hub does not try to log in to them; it takes what they
 * send), and read back what the hub stored, decided and how much heap it uses.
 */
final class HubAdmin {
    private final HubClient hub;

    HubAdmin(HubClient hub) {
        this.hub = hub;
    }

    /** What the hub did with the load: events stored by its receivers, and decisions in its log. */
    record Tally(long stored, long duplicates, long rejected, long decisionsWritten, long decisionsDropped) {
    }

    /** Loads {@link LoadDirectory} for {@code terminals} doors. */
    void importDirectory(int terminals) throws Exception {
        importing("/api/access/import", LoadDirectory.places(terminals));
        for (int from = 0; from < Payloads.PEOPLE; from += 2000) {
            importing("/api/access/import/people", LoadDirectory.people(from, Math.min(Payloads.PEOPLE, from + 2000)));
        }
    }

    private void importing(String path, JsonNode document) throws Exception {
        JsonNode answer = hub.post(path, document.toString(), 200);
        if (!answer.path("rejected").isEmpty()) {
            throw new IllegalStateException("the hub refused part of the load directory: " + answer.path("rejected"));
        }
    }

    /** Registers terminal {@code i} of the fleet (from {@code address}) and returns its receiver addresses. */
    Fleet.Receivers registerTerminal(int i, String address) throws Exception {
        String body = Json.object().put("kind", "terminal").put("id", String.format("load-%04d", i))
                .put("name", "Load terminal " + i).put("host", address).put("serial", Fleet.serial(i))
                .set("channels", Json.standard().mapper().valueToTree(List.of("push", "remote-auth"))).toString();
        JsonNode device = hub.post("/api/devices", body, 201);
        return new Fleet.Receivers(device.path("receivers").path("push").asText(),
                device.path("receivers").path("auth").asText());
    }

    /** Registers {@code count} terminals from consecutive loopback addresses. */
    List<Fleet.Receivers> registerTerminals(int count, String firstAddress) throws Exception {
        List<Fleet.Receivers> receivers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            receivers.add(registerTerminal(i, Fleet.address(firstAddress, i)));
        }
        return receivers;
    }

    Tally tally() throws Exception {
        long stored = 0;
        long duplicates = 0;
        long rejected = 0;
        for (JsonNode device : hub.get("/api/devices?kind=terminal").path("devices")) {
            JsonNode counters = device.path("counters");
            stored += counters.path("stored").asLong();
            duplicates += counters.path("duplicates").asLong();
            rejected += counters.path("rejected").asLong();
        }
        // 503 while the hub cannot decide (fail-mode answers in a row); the log's counters are there all the same
        HttpResponse<String> health = hub.adminGet("/api/access/health");
        JsonNode log = HubClient.expect(health.statusCode() == 503 ? 503 : 200, health).path("decisionLog");
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
        return sumOrUnknown("jvm_memory_used_bytes", "area=\"heap\"");
    }

    /**
     * The hub's running totals, from one read of its metrics: fail-mode answers so far (a door answered with its
     * fail-mode because the decision, or with durable answers its commit, missed the budget), the collector's pauses
     * and the bytes allocated. All unknown when the hub cannot be asked: a failed read under load must not stop the run.
     */
    RateSteps.Counters counters() {
        try {
            Metrics metrics = hub.metrics();
            return new RateSteps.Counters((long) metrics.sum("gatehouse_access_decisions_total", "fail_mode=\"true\""),
                    (long) metrics.sum("jvm_gc_pause_seconds_count", ""), metrics.sum("jvm_gc_pause_seconds_sum", ""),
                    (long) metrics.sum("jvm_gc_memory_allocated_bytes_total", ""));
        } catch (Exception e) {
            return RateSteps.Counters.UNKNOWN;
        }
    }

    /** A figure sampled while the hub is under load, where a failed read must not stop the run: -1 then. */
    private long sumOrUnknown(String name, String labelFragment) {
        try {
            return (long) hub.metrics().sum(name, labelFragment);
        } catch (Exception e) {
            return -1;
        }
    }

    /** The hub's own latency figures (timers' quantiles, counts and sums), for the report. */
    List<String> timers() throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line : hub.metrics().text().split("\n")) {
            if (line.startsWith("gatehouse_") && line.contains("_seconds") && !line.startsWith("#")) {
                lines.add(line);
            }
        }
        return lines;
    }
}
