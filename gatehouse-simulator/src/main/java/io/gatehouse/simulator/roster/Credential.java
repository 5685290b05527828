package io.gatehouse.simulator.roster;

import io.gatehouse.protocol.sense.EntryMode;
import java.util.Locale;

/** How a person presents themselves at a terminal; each maps to the documented {@code entry_mode}. */
public enum Credential {
    FACE(EntryMode.FACE),
    CARD(EntryMode.CARD),
    QR_CODE(EntryMode.QR_CODE),
    /** a job number and PIN typed on the keypad */
    PIN(EntryMode.JOB_NUMBER_AND_PIN),
    ID_CARD(EntryMode.ID_CARD),
    /** face then PIN: the documents say remote verification does not apply to it */
    FACE_AND_PIN(EntryMode.FACE_AND_PIN);

    private final EntryMode entryMode;

    Credential(EntryMode entryMode) {
        this.entryMode = entryMode;
    }

    public EntryMode entryMode() {
        return entryMode;
    }

    /** Modes 7 and 8 (face+PIN, face+card+PIN) do not support remote verification. */
    public boolean remoteVerifiable() {
        return this != FACE_AND_PIN;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Credential fromLabel(String label) {
        String wanted = label.replace('-', '_').trim();
        for (Credential credential : values()) {
            if (credential.name().equalsIgnoreCase(wanted) || (credential == QR_CODE && wanted.equalsIgnoreCase("qr"))) {
                return credential;
            }
        }
        return null;
    }
}
