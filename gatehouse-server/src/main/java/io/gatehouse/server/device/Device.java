package io.gatehouse.server.device;

import java.time.Instant;

/**
 * A registered device.
 *
 * @param id           the hub's id, chosen by the operator (or generated): events, metrics and the API name it
 * @param serial       the serial the device's events name: given, or learned from its first payload or its info;
 *                     an SE box's events name none, so its id stands in
 * @param pinnedSha256 the TLS certificate pinned on first contact (SHA-256 of the leaf, lower-case hex)
 */
public record Device(String id, String name, DeviceSpec spec, String serial, String pinnedSha256,
                     ReceiverTokens tokens, Instant createdAt, Instant updatedAt) {

    public DeviceKind kind() {
        return spec.kind();
    }

    /** The serial ingestion checks payloads against and puts in events that name none. */
    public String eventSerial() {
        return spec instanceof SeBoxSpec ? id : serial;
    }

    public boolean uses(TerminalChannel channel) {
        return spec instanceof TerminalSpec t && t.uses(channel);
    }

    public Device withSerial(String newSerial, Instant at) {
        return new Device(id, name, spec, newSerial, pinnedSha256, tokens, createdAt, at);
    }

    public Device withPin(String sha256, Instant at) {
        return new Device(id, name, spec, serial, sha256, tokens, createdAt, at);
    }

    public Device withChanges(String newName, DeviceSpec newSpec, String newSerial, Instant at) {
        return new Device(id, newName, newSpec, newSerial, pinnedSha256, tokens, createdAt, at);
    }
}
