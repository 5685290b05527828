package io.gatehouse.protocol.sense;

/**
 * The firmware versions whose payloads differ, oldest first. Each constant names the first version with
 * that shape; a terminal speaks exactly one.
 */
public enum SenseVersion {
    /** Before v0.0.8: records carry an integer {@code trackID} and no serial. */
    V0_0_1("v0.0.1"),
    /** {@code deviceSN} replaces {@code trackID}; {@code recognizeStatus} and {@code livenessScore} present. */
    V0_0_8("v0.0.8"),
    /** {@code recognitionType} and {@code bodyTemperature} added, status and liveness removed, new mode table. */
    V1_1_0("v1.1.0"),
    /** {@code uuid} added; {@code user_id} becomes a string; {@code groups}, {@code id_number}, {@code remark}. */
    V1_2_1("v1.2.1"),
    /** {@code entry_mode}, {@code abnormal_type}, {@code pin}; blacklist user type 5 (was 3); alarms (type 1). */
    V1_3_0("v1.3.0");

    private final String label;

    SenseVersion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean atLeast(SenseVersion other) {
        return compareTo(other) >= 0;
    }

    public static SenseVersion fromLabel(String label) {
        for (SenseVersion version : values()) {
            if (version.label.equalsIgnoreCase(label) || version.label.substring(1).equals(label)) {
                return version;
            }
        }
        throw new IllegalArgumentException("unknown SenseNebula Pass version " + label
                + "; known: v0.0.1, v0.0.8, v1.1.0, v1.2.1, v1.3.0");
    }
}
