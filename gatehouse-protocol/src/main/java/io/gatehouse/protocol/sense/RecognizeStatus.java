package io.gatehouse.protocol.sense;

import io.gatehouse.protocol.Coded;

/** How the terminal classified the face ({@code recognizeStatus}; records up to v1.0, remote-authorization requests in all versions). */
public enum RecognizeStatus implements Coded {
    UNKNOWN(0, "unknown"),
    NON_LIVE(1, "non-live"),
    IN_LIBRARY(2, "person in library"),
    STRANGER(3, "stranger"),
    RECOGNIZED(4, "recognized"),
    AUTH_PASSED(5, "authentication passed"),
    AUTH_FAILED(6, "authentication failed");

    private final int code;
    private final String meaning;

    RecognizeStatus(int code, String meaning) {
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
    public static RecognizeStatus of(int code) {
        return Coded.find(values(), code);
    }
}
