package io.gatehouse.server.ingest.quarantine;

import java.time.Instant;

/**
 * One refused payload as the quarantine keeps it.
 *
 * @param sha256  of the whole payload as received; empty when the body was not read (too large)
 * @param times   how often the same payload came from the same device on the same channel
 * @param size    bytes received (or announced)
 * @param payload its first bytes, at most {@link Quarantine#MAX_KEPT_BYTES}; {@code null} when a listing left it out
 */
public record QuarantinedPayload(long id, String deviceId, String channel, String sha256, String remoteAddress,
                                 int status, String error, String field, String reason, Instant firstAt,
                                 Instant lastAt, long times, long size, int keptBytes, byte[] payload) {
}
