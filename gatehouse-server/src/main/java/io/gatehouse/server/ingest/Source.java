package io.gatehouse.server.ingest;

import io.gatehouse.core.normalize.Origin;

/**
 * The registered device a payload arrived from, as ingestion needs it.
 *
 * @param deviceId      the hub's id of the device
 * @param serial        the serial its events must name; {@code null} while the hub has not learned it (a terminal's
 *                      first payload teaches it). An SE box's serial is its device id: its events name no serial.
 * @param remoteAddress where the payload came from, when known
 */
public record Source(String deviceId, String serial, String remoteAddress) {

    /** What the normalizer uses for events that do not name their device (alarms, v0.0.1 records, SE boxes). */
    public Origin origin() {
        return new Origin(serial != null ? serial : deviceId, remoteAddress);
    }
}
