package io.gatehouse.core.store;

import io.gatehouse.core.event.EventKind;
import java.time.Instant;

/**
 * Which stored events a query or a live stream wants. Every field is optional ({@code null} = any); the
 * fields that are set must all match.
 *
 * @param from        occurred at or after this instant
 * @param until       occurred before this instant
 * @param deviceId    the hub's id of the registered device that delivered it
 * @param serial      the device serial (for an SE box, the id it is registered under) the event names
 * @param personId    the person's id exactly
 * @param personName  a part of the person's name (case-insensitive for Latin letters)
 * @param type        access events or alarms
 * @param kind        for access events: passage or authorization request
 * @param channel     the channel it arrived on first
 * @param passed      whether the device let the person pass
 * @param late        whether it arrived later than the late threshold after it happened
 * @param alarmCode   the alarm's raw code (10001 tamper...)
 * @param alarmStatus the alarm's raw status (1 raised, 2 clearing failed, 3 cleared)
 */
public record EventFilter(
        Instant from,
        Instant until,
        String deviceId,
        String serial,
        String personId,
        String personName,
        EventType type,
        EventKind kind,
        Channel channel,
        Boolean passed,
        Boolean late,
        Integer alarmCode,
        Integer alarmStatus) {

    public static final EventFilter ALL = new EventFilter(null, null, null, null, null, null, null, null, null,
            null, null, null, null);

    public EventFilter withType(EventType newType) {
        return new EventFilter(from, until, deviceId, serial, personId, personName, newType, kind, channel, passed,
                late, alarmCode, alarmStatus);
    }
}
