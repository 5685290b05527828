package io.gatehouse.server.device;

/** The device families the registry knows, with the label the API and the database use. */
public enum DeviceKind {
    /** A SenseNebula Pass door terminal. */
    TERMINAL("terminal"),
    /** A Sophon SE box analysing several cameras. */
    SE_BOX("se-box");

    private final String label;

    DeviceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kind labelled {@code label}; {@code null} when none is. */
    public static DeviceKind of(String label) {
        for (DeviceKind kind : values()) {
            if (kind.label.equals(label)) {
                return kind;
            }
        }
        return null;
    }
}
