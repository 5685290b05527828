package io.gatehouse.protocol.sense;

import io.gatehouse.protocol.Coded;

/** Who decides at the door ({@code auth_mode} of /v1/device/functions). */
public enum AuthMode implements Coded {
    LOCAL(0, "local only"),
    REMOTE_DOOR_OPENING(1, "local recognition, server decides"),
    RESERVED(2, "reserved (removed in v1.3.0)"),
    SERVER_IDENTIFICATION(3, "library local, strangers identified by server");

    private final int code;
    private final String meaning;

    AuthMode(int code, String meaning) {
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
    public static AuthMode of(int code) {
        return Coded.find(values(), code);
    }
}
