package io.gatehouse.bench.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.bench.HubClient;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * What the hub stored for one device, read back through {@code GET /api/events} in commit order and checked against
 * what a replay must give: each event once, in the order the device saw them, and marked late exactly when it
 * arrived more than the late threshold after it happened.
 *
 * @param rows            events stored
 * @param distinct        distinct device event ids among them
 * @param late            events marked late
 * @param outOfOrder      events that happened before the one committed just before them
 * @param lateMismatches  events whose late mark disagrees with {@code receivedAt - occurredAt}
 */
record StoredEvents(int rows, int distinct, int late, int outOfOrder, int lateMismatches) {

    static StoredEvents read(HubClient hub, String deviceId, Duration lateThreshold)
            throws IOException, InterruptedException {
        Set<String> ids = new HashSet<>();
        int rows = 0;
        int late = 0;
        int outOfOrder = 0;
        int lateMismatches = 0;
        Instant previous = Instant.EPOCH;
        String cursor = null;
        do {
            JsonNode page = hub.get("/api/events?limit=500&" + (cursor == null ? "order=asc&device=" + deviceId
                    : "device=" + deviceId + "&cursor=" + cursor));
            for (JsonNode event : page.path("events")) {
                rows++;
                ids.add(event.path("deviceEventId").asText());
                Instant occurred = Instant.parse(event.path("occurredAt").asText());
                Instant received = Instant.parse(event.path("receivedAt").asText());
                boolean markedLate = event.path("late").asBoolean();
                late += markedLate ? 1 : 0;
                outOfOrder += occurred.isBefore(previous) ? 1 : 0;
                boolean shouldBeLate = Duration.between(occurred, received).compareTo(lateThreshold) > 0;
                lateMismatches += markedLate == shouldBeLate ? 0 : 1;
                previous = occurred;
            }
            cursor = page.path("more").asBoolean() ? page.path("next").asText() : null;
        } while (cursor != null);
        return new StoredEvents(rows, ids.size(), late, outOfOrder, lateMismatches);
    }

    int duplicates() {
        return rows - distinct;
    }
}
