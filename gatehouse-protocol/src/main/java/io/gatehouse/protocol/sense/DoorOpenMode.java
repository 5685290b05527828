package io.gatehouse.protocol.sense;

import io.gatehouse.protocol.Coded;

/** Remote door command ({@code open_mode} of /v1/device/door). */
public enum DoorOpenMode implements Coded {
    OPEN_THEN_CLOSE(0, "open, close after the delay"),
    ALWAYS_OPEN(1, "always open"),
    ALWAYS_CLOSED(2, "always closed");

    private final int code;
    private final String meaning;

    DoorOpenMode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public String meaning() {
        return meaning;
    }

    /** The constant for {@code code}, or {@code null} when the documents do not know it. */
    public static DoorOpenMode of(int code) {
        return Coded.find(values(), code);
    }
}
