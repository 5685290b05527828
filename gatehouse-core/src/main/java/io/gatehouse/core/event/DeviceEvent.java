package io.gatehouse.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** Something a device reported, in Gatehouse's neutral model: a recognition at a door, or an alarm. */
public sealed interface DeviceEvent permits AccessEvent, AlarmEvent {
    EventSource source();

    Instant occurredAt();

    List<EventImage> images();

    /** The payload as the device sent it, images included. */
    JsonNode original();

    /**
     * The key under which this event is stored once: the device's own event id where the dialect has one,
     * a fingerprint of the identifying fields where it has none (see {@code docs/EVENT-MODEL.md}).
     */
    String dedupeKey();
}
