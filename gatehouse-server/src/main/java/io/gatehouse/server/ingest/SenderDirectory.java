package io.gatehouse.server.ingest;

import java.util.Optional;

/**
 * Who owns a receiver address. Devices cannot send credentials, so the secret token in the address is what names
 * the device; the device registry answers here. Lookups run on the event loop and must not block.
 */
public interface SenderDirectory {
    /** The device whose record-push address has {@code token}, as a source at {@code remoteAddress}. */
    Optional<Source> pushSender(String token, String remoteAddress);

    /** The device whose remote-authorization address has {@code token}. */
    Optional<Source> authSender(String token, String remoteAddress);

    /** The device answered a heartbeat GET: it is alive and uses remote authorization. */
    void heartbeat(String deviceId);
}
