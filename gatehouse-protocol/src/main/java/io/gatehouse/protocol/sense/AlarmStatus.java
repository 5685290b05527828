package io.gatehouse.protocol.sense;

import io.gatehouse.protocol.Coded;

/** Where a device alarm stands ({@code status} of a type 1 event). */
public enum AlarmStatus implements Coded {
    RAISED(1, "raised"),
    CLEARING_FAILED(2, "clearing failed"),
    CLEARED(3, "cleared");

    private final int code;
    private final String meaning;

    AlarmStatus(int code, String meaning) {
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
    public static AlarmStatus of(int code) {
        return Coded.find(values(), code);
    }
}
