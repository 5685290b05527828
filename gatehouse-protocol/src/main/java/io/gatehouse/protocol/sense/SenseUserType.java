package io.gatehouse.protocol.sense;

/**
 * The library person's type ({@code user.type}). Blacklisted people were type 3 before v1.3.0 and are
 * type 5 since; read and write the code with the version.
 */
public enum SenseUserType {
    EMPLOYEE("employee"),
    VISITOR("visitor"),
    BLACKLIST("blacklist");

    private final String meaning;

    SenseUserType(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }

    public static SenseUserType of(int code, SenseVersion version) {
        return switch (code) {
            case 1 -> EMPLOYEE;
            case 2 -> VISITOR;
            case 3 -> version.atLeast(SenseVersion.V1_3_0) ? null : BLACKLIST;
            case 5 -> version.atLeast(SenseVersion.V1_3_0) ? BLACKLIST : null;
            default -> null;
        };
    }

    public int code(SenseVersion version) {
        return switch (this) {
            case EMPLOYEE -> 1;
            case VISITOR -> 2;
            case BLACKLIST -> version.atLeast(SenseVersion.V1_3_0) ? 5 : 3;
        };
    }
}
