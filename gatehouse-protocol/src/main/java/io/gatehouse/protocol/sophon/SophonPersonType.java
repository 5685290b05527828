package io.gatehouse.protocol.sophon;

/**
 * Who the box recognised: {@code ext_data.person_type} as a number in V5 (employee when absent),
 * {@code user_type} as a word in V6.
 */
public enum SophonPersonType {
    EMPLOYEE(1, "employee"),
    VISITOR(2, "visitor"),
    BLACKLIST(3, "blacklist"),
    STRANGER(4, "stranger"),
    VIP(5, "vip");

    private final int code;
    private final String word;

    SophonPersonType(int code, String word) {
        this.code = code;
        this.word = word;
    }

    public int code() {
        return code;
    }

    public String word() {
        return word;
    }

    public static SophonPersonType ofCode(int code) {
        for (SophonPersonType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }

    public static SophonPersonType ofWord(String word) {
        for (SophonPersonType type : values()) {
            if (type.word.equalsIgnoreCase(word)) {
                return type;
            }
        }
        return null;
    }
}
