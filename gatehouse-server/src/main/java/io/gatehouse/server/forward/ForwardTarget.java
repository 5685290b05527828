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
 */
record ForwardTarget(String id, URI url, String secret, Map<String, String> filter, EventFilter compiled,
                     boolean enabled, long cursor, Instant createdAt, Instant updatedAt) {

    ForwardTarget withCursor(long newCursor) {
        return new ForwardTarget(id, url, secret, filter, compiled, enabled, newCursor, createdAt, updatedAt);
    }
}
