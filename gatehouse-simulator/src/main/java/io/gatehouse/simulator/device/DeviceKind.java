package io.gatehouse.simulator.device;

/** The kinds of device the emulator plays. */
public enum DeviceKind {
    TERMINAL("terminal", "SenseNebula Pass terminal"),
    SE_BOX("se-box", "Sophon SE box");

    private final String label;
    private final String description;

    DeviceKind(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
