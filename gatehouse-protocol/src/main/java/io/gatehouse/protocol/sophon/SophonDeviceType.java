package io.gatehouse.protocol.sophon;

/** The kind of camera behind a V5 event ({@code ext_data.device_type}, a digit sent as a string). */
public enum SophonDeviceType {
    GATE("0", "gate"),
    CAPTURE_CAMERA("1", "capture camera"),
    IPC_DYNAMIC("3", "IPC dynamic"),
    DOOR_ACCESS("4", "door access");

    private final String code;
    private final String meaning;

    SophonDeviceType(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public String code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    public static SophonDeviceType of(String code) {
        for (SophonDeviceType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        return null;
    }
}
