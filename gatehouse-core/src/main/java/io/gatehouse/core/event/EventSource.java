package io.gatehouse.core.event;

import io.gatehouse.protocol.Dialect;
import io.gatehouse.protocol.Family;

/**
 * Where an event came from: the device (terminal serial, or the SE box's id given by the hub), the camera
 * for an SE box, the address the payload names, and the dialect it was written in.
 *
 * @param deviceSerial the terminal's {@code deviceSN}; for an SE box, the id the hub registered it under
 * @param cameraId     the SE box's media device id; {@code null} for terminals
 * @param deviceAddress the IP address the payload reports, when it reports one
 */
public record EventSource(Family family, String deviceSerial, String cameraId, String deviceAddress, Dialect dialect) {
}
