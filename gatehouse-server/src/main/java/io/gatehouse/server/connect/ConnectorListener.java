package io.gatehouse.server.connect;

import io.gatehouse.core.store.Channel;
import io.vertx.core.buffer.Buffer;

/**
 * Everything a connector reports. Called on the connector's Vert.x event-loop thread, one call at a time per
 * connector; implementations must not block. An exception thrown here is logged and ignored: it never stops
 * the connector.
 */
public interface ConnectorListener {
    /**
     * A raw payload the device sent on a connector-owned channel ({@link Channel#TERMINAL_WEBSOCKET},
     * {@link Channel#SOPHON_WEBSOCKET}), exactly as received: one WebSocket message, not yet decoded.
     */
    void onPayload(String deviceId, Channel channel, Buffer payload);

    /** The device's state changed (or the reason for it did). */
    void onState(String deviceId, DeviceState state, String reason);

    /**
     * A certificate was pinned: on first contact in trust-on-first-use mode, or when an operator accepted a new
     * one. Persist {@code sha256} (lower-case hex) in the device's {@link TlsTrust} so the pin survives restarts.
     */
    void onCertificatePinned(String deviceId, String sha256);

    /** Facts learned from the device (serial, model, firmware; an SE box's cameras), reported when they change. */
    void onDeviceInfo(String deviceId, DeviceInfo info);
}
