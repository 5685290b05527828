package io.gatehouse.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.protocol.sense.AlarmCode;
import io.gatehouse.protocol.sense.AlarmStatus;
import java.time.Instant;
import java.util.List;

/**
 * A device alarm (tamper, forced door, ...), raised or cleared. The interpreted code and status are
 * {@code null} when undocumented; the raw values are always kept.
 */
public record AlarmEvent(
        EventSource source,
        String traceId,
        Instant occurredAt,
        AlarmCode code,
        int rawCode,
        AlarmStatus status,
        int rawStatus,
        String description,
        String userId,
        List<EventImage> images,
        JsonNode original,
        String dedupeKey) implements DeviceEvent {

    public AlarmEvent {
        images = List.copyOf(images);
    }
}
