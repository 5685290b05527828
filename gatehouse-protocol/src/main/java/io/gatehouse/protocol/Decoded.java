package io.gatehouse.protocol;

import java.util.List;

/**
 * A decoded payload: the message, the dialect it was recognised as, and what the tolerant reader accepted
 * but noted (unknown codes, unknown fields kept).
 */
public record Decoded(DeviceMessage message, List<String> notes) {
    public Dialect dialect() {
        return message.dialect();
    }
}
