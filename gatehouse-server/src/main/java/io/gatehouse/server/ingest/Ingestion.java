package io.gatehouse.server.ingest;

import io.gatehouse.core.event.DeviceEvent;
import io.gatehouse.core.store.AppendResult;
import io.gatehouse.core.store.Channel;
import io.gatehouse.protocol.DeviceMessage;

/**
 * A payload the store now holds durably (or already held: {@code result.duplicate()}).
 *
 * @param message what the device sent, decoded
 * @param event   the neutral event made from it
 */
public record Ingestion(Source source, Channel channel, DeviceMessage message, DeviceEvent event, AppendResult result) {
}
