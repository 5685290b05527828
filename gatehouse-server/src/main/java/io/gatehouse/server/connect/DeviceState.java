package io.gatehouse.server.connect;

/** How a connector sees its device; each change comes to {@link ConnectorListener#onState} with a reason. */
public enum DeviceState {
    /** Started, first contact not yet made. */
    CONNECTING,
    /** Reachable, authenticated, configured as planned (and streaming, where a WebSocket is wanted). */
    ONLINE,
    /** Reachable, but something planned does not work: a refused setting, a full WebSocket, a missing camera. */
    DEGRADED,
    /** Not reachable: connection refused, timed out or dropped. Retried with back-off. */
    OFFLINE,
    /** The device refuses the credentials. Retried only at the drift-check pace, to stay clear of lock-outs. */
    UNAUTHORIZED,
    /** The device presents another certificate than the pinned one (or one the CA file does not trust). */
    CERTIFICATE_CHANGED;

    /** How bad this is when two signals (the Web API, the WebSocket) disagree: the worse one is reported. */
    int severity() {
        return switch (this) {
            case CONNECTING -> 0;
            case ONLINE -> 1;
            case DEGRADED -> 2;
            case OFFLINE -> 3;
            case UNAUTHORIZED -> 4;
            case CERTIFICATE_CHANGED -> 5;
        };
    }
}
