package io.gatehouse.server.forward;

import io.gatehouse.core.store.EventFilter;
import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * A system that receives stored events.
 *
 * @param filter     the event-query parameters ({@code device}, {@code kind}, {@code passed}...) as given
 * @param compiled   the same, parsed
 * @param secret     the key the body is signed with (HMAC-SHA256); kept encrypted at rest, never shown again
 * @param cursor     the sequence number of the last event the target acknowledged (or skipped by the filter)
 * @param topic      MQTT only: the topic template ({@link MqttSink#topic})
 * @param username   MQTT only: the broker user, whose password is {@code secret}; {@code null} to connect anonymously
 */
record ForwardTarget(String id, URI url, String secret, Map<String, String> filter, EventFilter compiled,
                     boolean enabled, long cursor, String topic, String username, Instant createdAt,
                     Instant updatedAt) {

    /** Whether events go to an MQTT broker ({@code mqtt://}, {@code mqtts://}) rather than a webhook. */
    boolean mqtt() {
        return url.getScheme().startsWith("mqtt");
    }

    ForwardTarget withCursor(long newCursor) {
        return new ForwardTarget(id, url, secret, filter, compiled, enabled, newCursor, topic, username, createdAt,
                updatedAt);
    }
}
