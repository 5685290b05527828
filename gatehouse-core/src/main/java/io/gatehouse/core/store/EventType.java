package io.gatehouse.core.store;

import io.gatehouse.core.event.AccessEvent;
import io.gatehouse.core.event.DeviceEvent;

/** The two kinds of record the store keeps, with the label the JSON view and the API use. */
public enum EventType {
    /** An {@link AccessEvent}: a person at a door. */
    ACCESS("access"),
    /** An {@link io.gatehouse.core.event.AlarmEvent}: tamper, forced door, fire... */
    ALARM("alarm");

    private final String label;

    EventType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static EventType of(DeviceEvent event) {
        return event instanceof AccessEvent ? ACCESS : ALARM;
    }

    /** The type whose label is {@code label}, case-insensitive; {@code null} when none is. */
    public static EventType fromLabel(String label) {
        for (EventType type : values()) {
            if (type.label.equalsIgnoreCase(label)) {
                return type;
            }
        }
        return null;
    }
}
