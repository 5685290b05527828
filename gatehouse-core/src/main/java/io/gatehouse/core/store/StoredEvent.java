package io.gatehouse.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;

/**
 * An event as the store keeps it.
 *
 * @param seq        its position in the store: unique, increasing in commit order, never reused
 * @param view       the neutral event's JSON view ({@link io.gatehouse.core.event.EventJson})
 * @param lateBy     how long after it happened it arrived, when beyond the late threshold; {@code null} otherwise
 * @param payload    the payload as the device sent it, each image string replaced by
 *                   {@code "blob:sha256:HEX"}; {@code null} when the query did not ask for it
 */
public record StoredEvent(
        long seq,
        EventType type,
        String dedupeKey,
        String deviceId,
        Channel channel,
        Instant occurredAt,
        Instant receivedAt,
        Duration lateBy,
        ObjectNode view,
        JsonNode payload) {

    public boolean late() {
        return lateBy != null;
    }
}
