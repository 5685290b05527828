package io.gatehouse.simulator.roster;

import io.gatehouse.protocol.sense.RecognitionType;
import io.gatehouse.protocol.sense.SenseUserType;
import io.gatehouse.protocol.sophon.SophonPersonType;
import java.util.Locale;

/** Who a person in a device's library is; strangers are not in the library, so not here. */
public enum PersonType {
    EMPLOYEE(SenseUserType.EMPLOYEE, RecognitionType.EMPLOYEE, SophonPersonType.EMPLOYEE),
    VISITOR(SenseUserType.VISITOR, RecognitionType.VISITOR, SophonPersonType.VISITOR),
    BLACKLIST(SenseUserType.BLACKLIST, RecognitionType.BLACKLIST, SophonPersonType.BLACKLIST);

    private final SenseUserType userType;
    private final RecognitionType recognitionType;
    private final SophonPersonType sophonType;

    PersonType(SenseUserType userType, RecognitionType recognitionType, SophonPersonType sophonType) {
        this.userType = userType;
        this.recognitionType = recognitionType;
        this.sophonType = sophonType;
    }

    public SenseUserType userType() {
        return userType;
    }

    public RecognitionType recognitionType() {
        return recognitionType;
    }

    public SophonPersonType sophonType() {
        return sophonType;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PersonType fromLabel(String label) {
        for (PersonType type : values()) {
            if (type.label().equalsIgnoreCase(label)) {
                return type;
            }
        }
        return null;
    }
}
