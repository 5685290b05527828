package io.gatehouse.protocol.sense;

import io.gatehouse.protocol.Coded;

/** The {@code code} of the terminal's {@code {code,msg,data}} answer envelope. */
public enum ResultCode implements Coded {
    UNDEFINED_ERROR(0, "undefined error"),
    OK(200, "OK"),
    UNAUTHORIZED(401, "Unauthorized"),
    NOT_FOUND(404, "Not Found"),
    INTERNAL_ERROR(500, "Internal Server Error"),
    ACCOUNT_NOT_FOUND(1000, "account does not exist"),
    WRONG_PASSWORD(1001, "wrong password");

    private final int code;
    private final String meaning;

    ResultCode(int code, String meaning) {
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

    public static ResultCode of(int code) {
        return Coded.find(values(), code);
    }
}
