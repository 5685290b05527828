package io.gatehouse.protocol.sense;

import io.gatehouse.protocol.Coded;

/** Why a passage was abnormal ({@code abnormal_type}, v1.3.0+). */
public enum AbnormalType implements Coded {
    NONE(0, "none"),
    FACE_ID_CARD_MISMATCH(10001, "face does not match ID card"),
    FACE_CARD_MISMATCH(10002, "face does not match card"),
    FACE_QR_MISMATCH(10003, "face does not match QR code"),
    VISITOR_OUTSIDE_VALIDITY(20001, "visitor outside validity period"),
    OUTSIDE_PASS_TIME(20002, "outside pass time"),
    INVALID_ID_CARD(30001, "invalid ID card"),
    INVALID_IC_CARD(30002, "invalid IC card"),
    INVALID_QR_CODE(30003, "invalid QR code"),
    ABNORMAL_TEMPERATURE(40001, "abnormal temperature"),
    WRONG_PIN(70001, "wrong PIN"),
    TOO_MANY_WRONG_PINS(70002, "too many wrong PINs");

    private final int code;
    private final String meaning;

    AbnormalType(int code, String meaning) {
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
    public static AbnormalType of(int code) {
        return Coded.find(values(), code);
    }
}
