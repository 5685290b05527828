package io.gatehouse.core.store;

import io.gatehouse.core.event.DeviceEvent;
import java.time.Instant;

/**
 * An event as it arrives at the store: what the device reported, which registered device sent it, on
 * which channel, and when the hub received it.
 *
 * @param deviceId the hub's id of the registered device (not the device's serial)
 */
public record Ingested(DeviceEvent event, String deviceId, Channel channel, Instant receivedAt) {
}
