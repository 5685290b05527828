package io.gatehouse.protocol.sense;

import io.gatehouse.protocol.Coded;

/** What a device alarm reports ({@code code} of a type 1 event, v1.3.0+). */
public enum AlarmCode implements Coded {
    TAMPER(10001, "tamper switch"),
    FORCED_DOOR(10002, "door forced open"),
    DOOR_SENSOR_TIMEOUT(10003, "door-sensor timeout"),
    PASSWORD_ATTACK(10004, "password attack"),
    FIRE(20003, "fire alarm");

    private final int code;
    private final String meaning;

    AlarmCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public String meaning() {
        return meaning;
    }

    /** The constant for {@code code}, or {@code null} when the documents do not know it. */
    public static AlarmCode of(int code) {
        return Coded.find(values(), code);
    }
}
