package io.gatehouse.server.connect;

import io.gatehouse.core.store.Channel;
import io.vertx.core.buffer.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The registry's listener behind a guard: its exceptions are logged, and never stop a connector. */
final class GuardedListener implements ConnectorListener {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedListener.class);
    private final ConnectorListener delegate;

    private GuardedListener(ConnectorListener delegate) {
        this.delegate = delegate;
    }

    static ConnectorListener of(ConnectorListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("a connector needs a listener");
        }
        return listener instanceof GuardedListener ? listener : new GuardedListener(listener);
    }

    @Override
    public void onPayload(String deviceId, Channel channel, Buffer payload) {
        try {
            delegate.onPayload(deviceId, channel, payload);
        } catch (RuntimeException e) {
            LOG.error("device {}: the listener failed on a {} payload of {} bytes", deviceId, channel, payload.length(), e);
        }
    }

    @Override
    public void onState(String deviceId, DeviceState state, String reason) {
        try {
            delegate.onState(deviceId, state, reason);
        } catch (RuntimeException e) {
            LOG.error("device {}: the listener failed on state {}", deviceId, state, e);
        }
    }

    @Override
    public void onCertificatePinned(String deviceId, String sha256) {
        try {
            delegate.onCertificatePinned(deviceId, sha256);
        } catch (RuntimeException e) {
            LOG.error("device {}: the listener failed on a pinned certificate", deviceId, e);
        }
    }

    @Override
    public void onDeviceInfo(String deviceId, DeviceInfo info) {
        try {
            delegate.onDeviceInfo(deviceId, info);
        } catch (RuntimeException e) {
            LOG.error("device {}: the listener failed on device facts", deviceId, e);
        }
    }
}
