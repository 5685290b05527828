package io.gatehouse.protocol.sophon;

/** The SE box document versions whose WebSocket messages differ. */
public enum SophonVersion {
    /** {@code need_face}/{@code need_register}/{@code event_list}; events with {@code ext_data} (seed document V5). */
    V5,
    /** {@code with_face_image}/{@code with_register_image}/{@code media_device_ids}; flat events with data URIs. */
    V6;

    public String label() {
        return name();
    }

    public static SophonVersion fromLabel(String label) {
        for (SophonVersion version : values()) {
            if (version.name().equalsIgnoreCase(label)) {
                return version;
            }
        }
        throw new IllegalArgumentException("unknown Sophon SE version " + label + "; known: V5, V6");
    }
}
