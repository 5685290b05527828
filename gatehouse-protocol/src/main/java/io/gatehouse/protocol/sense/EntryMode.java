package io.gatehouse.protocol.sense;

import io.gatehouse.protocol.Coded;

/** How the person presented themselves ({@code entry_mode}, v1.3.0+). */
public enum EntryMode implements Coded {
    FACE(1, "face"),
    QR_CODE(2, "QR code"),
    CARD(3, "card"),
    FACE_AND_CARD(4, "face and card"),
    ID_CARD(5, "ID card"),
    FACE_AND_ID_CARD(6, "face and ID card"),
    HEALTH_CODE(7, "health code"),
    FACE_AND_PIN(8, "face and PIN"),
    CARD_AND_PIN(9, "card and PIN"),
    FACE_AND_CARD_AND_PIN(10, "face, card and PIN"),
    EXIT_BUTTON(11, "exit button"),
    JOB_NUMBER_AND_PIN(12, "job number and PIN");

    private final int code;
    private final String meaning;

    EntryMode(int code, String meaning) {
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
    public static EntryMode of(int code) {
        return Coded.find(values(), code);
    }
}
