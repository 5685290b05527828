package io.gatehouse.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.protocol.sense.MaskState;
import java.time.Instant;
import java.util.List;

/**
 * A person at a door, as any device of any vendor reported it. This is the record Gatehouse stores, queries,
 * streams and forwards; the normalizers in {@code io.gatehouse.core.normalize} make it from every dialect.
 *
 * @param deviceEventId   the device's own id for the event ({@code uuid}, {@code event_id}); {@code null} when the dialect has none
 * @param mask            mask detection; {@code null} where the device does not detect masks
 * @param bodyTemperature degrees Celsius; {@code null} when not measured (terminals send 0)
 */
public record AccessEvent(
        EventSource source,
        EventKind kind,
        String deviceEventId,
        Instant occurredAt,
        Person person,
        Outcome outcome,
        Scores scores,
        MaskState mask,
        Double bodyTemperature,
        List<EventImage> images,
        JsonNode original,
        String dedupeKey) implements DeviceEvent {

    public AccessEvent {
        images = List.copyOf(images);
    }
}
