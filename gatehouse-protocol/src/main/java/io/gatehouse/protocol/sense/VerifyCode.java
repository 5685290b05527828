package io.gatehouse.protocol.sense;

import io.gatehouse.protocol.Coded;

/** The server's verdict code in a remote-authorization answer ({@code verify_code}). */
public enum VerifyCode implements Coded {
    NOT_ACTIVATED(1, "not activated"),
    RECOGNIZED(2, "recognized"),
    NO_PERMISSION(3, "no permission"),
    MATCH_FAILED(4, "match failed"),
    OUTSIDE_ALLOWED_TIME(5, "outside allowed time");

    private final int code;
    private final String meaning;

    VerifyCode(int code, String meaning) {
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
    public static VerifyCode of(int code) {
        return Coded.find(values(), code);
    }
}
