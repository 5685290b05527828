package io.gatehouse.protocol.sense;

/**
 * The terminal's verification mode ({@code mode}). The same code means different things before and after
 * v1.1.0: code 2 was "face or card or QR" and became "face and card", code 3 was "face and card" and became
 * "face or card or QR or PIN". Always interpret a code with the version that wrote it.
 */
public enum VerificationMode {
    FACE("face"),
    FACE_OR_CARD("face or card"),
    FACE_OR_CARD_OR_QR("face or card or QR code"),
    FACE_AND_CARD("face and card"),
    ID_CARD("ID card"),
    FACE_OR_ID_CARD("face or ID card"),
    FACE_AND_ID_CARD("face and ID card"),
    FACE_OR_CARD_OR_QR_OR_PIN("face or card or QR code or PIN"),
    FACE_AND_PIN("face and PIN"),
    FACE_AND_CARD_AND_PIN("face and card and PIN"),
    CARD_AND_PIN("card and PIN");

    private static final VerificationMode[] OLD_TABLE = {
        FACE, FACE_OR_CARD, FACE_OR_CARD_OR_QR, FACE_AND_CARD, ID_CARD, FACE_OR_ID_CARD, FACE_AND_ID_CARD,
    };
    private static final VerificationMode[] NEW_TABLE = {
        FACE, FACE_OR_CARD, FACE_AND_CARD, FACE_OR_CARD_OR_QR_OR_PIN, ID_CARD, FACE_OR_ID_CARD, FACE_AND_ID_CARD,
        FACE_AND_PIN, FACE_AND_CARD_AND_PIN, CARD_AND_PIN,
    };

    private final String meaning;

    VerificationMode(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }

    private static VerificationMode[] table(SenseVersion version) {
        return version.atLeast(SenseVersion.V1_1_0) ? NEW_TABLE : OLD_TABLE;
    }

    /** The mode {@code code} means in {@code version}, or {@code null} when that version's table lacks it. */
    public static VerificationMode of(int code, SenseVersion version) {
        VerificationMode[] table = table(version);
        return code >= 0 && code < table.length ? table[code] : null;
    }

    /** The code of this mode in {@code version}, or -1 when that version cannot express it. */
    public int code(SenseVersion version) {
        VerificationMode[] table = table(version);
        for (int i = 0; i < table.length; i++) {
            if (table[i] == this) {
                return i;
            }
        }
        return -1;
    }
}
