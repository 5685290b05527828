package io.gatehouse.protocol;

/** The device families Gatehouse speaks with. */
public enum Family {
    /** SenseTime SenseNebula Pass S7/S8 face-recognition door terminal. */
    SENSE_PASS("sense"),
    /** Sophon SE5-series AI box analysing several cameras. */
    SOPHON_SE("sophon");

    private final String label;

    Family(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
