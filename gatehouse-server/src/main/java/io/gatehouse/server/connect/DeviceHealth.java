package io.gatehouse.server.connect;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A device's state from two signals: its Web API (reachable, authenticated, configured) and its WebSocket (held
 * or not). The worse of the two is reported; each change of state or reason goes to the listener once and to the
 * log. Written on the connector's loop; {@link #state()} and {@link #reason()} may be read from anywhere.
 */
final class DeviceHealth {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceHealth.class);
    private final String deviceId;
    private final ConnectorListener listener;
    private DeviceState api = DeviceState.CONNECTING;
    private String apiReason = "connecting";
    private DeviceState socket;
    private String socketReason;
    private volatile DeviceState reported = DeviceState.CONNECTING;
    private volatile String reportedReason = "connecting";
    private boolean stopped;

    DeviceHealth(String deviceId, ConnectorListener listener) {
        this.deviceId = deviceId;
        this.listener = listener;
    }

    void api(DeviceState state, String reason) {
        api = state;
        apiReason = reason;
        publish();
    }

    /**
     * The WebSocket's complaint, or {@code null} when it is fine (or not wanted). {@link DeviceState#CONNECTING}
     * while it is being opened keeps a configured device from counting as ONLINE before it streams.
     */
    void socket(DeviceState state, String reason) {
        socket = state;
        socketReason = reason;
        publish();
    }

    DeviceState api() {
        return api;
    }

    DeviceState state() {
        return reported;
    }

    String reason() {
        return reportedReason;
    }

    /** No more reports after a connector stops. */
    void stop() {
        stopped = true;
    }

    private void publish() {
        boolean socketWorse = socket != null && (socket.severity() > api.severity()
                || socket == DeviceState.CONNECTING && api == DeviceState.ONLINE);
        DeviceState state = socketWorse ? socket : api;
        String reason = socketWorse ? socketReason : apiReason;
        if (stopped || state == reported && Objects.equals(reason, reportedReason)) {
            return;
        }
        reported = state;
        reportedReason = reason;
        if (state == DeviceState.ONLINE || state == DeviceState.CONNECTING) {
            LOG.info("device {}: {} ({})", deviceId, state, reason);
        } else {
            LOG.warn("device {}: {} ({})", deviceId, state, reason);
        }
        listener.onState(deviceId, state, reason);
    }
}
