package io.gatehouse.server.connect;

/**
 * A device call that failed, with what it says about the device: {@link DeviceState#OFFLINE} (unreachable),
 * {@link DeviceState#UNAUTHORIZED} (credentials refused), {@link DeviceState#CERTIFICATE_CHANGED} (TLS trust
 * refused) or {@link DeviceState#DEGRADED} (the device answered, but refused or garbled the request). The message
 * names the request and the device's own reason; it never holds a password, a token or a receiver URL's path.
 */
public final class DeviceException extends RuntimeException {
    private final DeviceState state;

    public DeviceException(DeviceState state, String reason) {
        super(reason, null, false, false);
        this.state = state;
    }

    public DeviceState state() {
        return state;
    }
}
