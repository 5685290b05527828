package io.gatehouse.protocol.sense;

import io.gatehouse.protocol.Coded;

/** Who the terminal recognised ({@code recognitionType}, v1.1.0+). */
public enum RecognitionType implements Coded {
    EMPLOYEE(1, "employee"),
    VISITOR(2, "visitor"),
    STRANGER(3, "stranger"),
    NON_LIVE(4, "non-live"),
    BLACKLIST(5, "blacklist");

    private final int code;
    private final String meaning;

    RecognitionType(int code, String meaning) {
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
    public static RecognitionType of(int code) {
        return Coded.find(values(), code);
    }
}
