package io.gatehouse.server.device;

/** A registry change refused: 404 no such device, 409 an id or serial already taken; with the field at fault. */
public final class DeviceRefusal extends RuntimeException {
    private final int status;
    private final String field;
    private final String reason;

    public DeviceRefusal(int status, String field, String reason) {
        super(reason, null, false, false);
        this.status = status;
        this.field = field;
        this.reason = reason;
    }

    public static DeviceRefusal noSuchDevice(String id) {
        return new DeviceRefusal(404, "id", "no device '" + id + "' is registered");
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
