package io.gatehouse.protocol.sense;

import io.gatehouse.protocol.Coded;

/** Mask detection ({@code mask}, all versions). */
public enum MaskState implements Coded {
    NOT_CHECKED(0, "detection off"),
    NO_MASK(1, "no mask"),
    MASK(2, "mask worn");

    private final int code;
    private final String meaning;

    MaskState(int code, String meaning) {
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
    public static MaskState of(int code) {
        return Coded.find(values(), code);
    }
}
