package io.gatehouse.server.ingest;

import io.gatehouse.core.policy.authorize.AuthAnswer;
import io.gatehouse.protocol.json.DecodeLimits;
import java.time.Duration;

/**
 * The bounds of the device receivers and of the quarantine. The defaults fit the largest documented payloads
 * (an SE-box event with three images, a terminal record with a face snapshot) with room to spare.
 *
 * @param maxRequestBytes     largest request body a receiver reads; beyond it the answer is 413 before parsing
 * @param maxDepth            deepest JSON nesting accepted
 * @param maxImageBytes       largest image accepted, after base64 decoding
 * @param maxInFlightPerDevice requests of one device being stored at once; beyond it that device gets 503, so a
 *                            flooding device cannot take the store's whole queue from the others
 * @param linkTolerance       how far apart a remote-authorization request and its passage record may be in time
 * @param quarantineEntries   most rejected payloads kept for diagnosis
 * @param quarantineBytes     most bytes of rejected payloads kept
 * @param authAnswer          whether a remote-authorization answer waits for its decision record's commit
 */
public record IngestSettings(int maxRequestBytes, int maxDepth, int maxImageBytes, int maxInFlightPerDevice,
                             Duration linkTolerance, int quarantineEntries, long quarantineBytes,
                             AuthAnswer authAnswer) {
    public static final IngestSettings DEFAULTS = new IngestSettings(8 << 20, 32, 4 << 20, 16, Duration.ofSeconds(10),
            1000, 64L << 20, AuthAnswer.DURABLE);

    public IngestSettings {
        if (maxRequestBytes < 1024 || maxDepth < 4 || maxImageBytes < 1024 || maxInFlightPerDevice < 1
                || quarantineEntries < 0 || quarantineBytes < 0 || linkTolerance.isNegative() || authAnswer == null) {
            throw new IllegalArgumentException("ingest limits out of range");
        }
    }

    /**
     * The decoder's bounds. The longest legitimate string is an image in base64 (4/3 of its bytes, plus a
     * {@code data:image/jpeg;base64,} prefix in the SE box's V6 events); no string can exceed the request.
     */
    public DecodeLimits decodeLimits() {
        long base64 = (long) maxImageBytes * 4 / 3 + 64;
        int maxString = (int) Math.min(maxRequestBytes, Math.max(base64, 64 << 10));
        return new DecodeLimits(maxRequestBytes, maxString, maxDepth, maxImageBytes);
    }

    public IngestSettings withLimits(int requestBytes, int depth, int imageBytes) {
        return new IngestSettings(requestBytes, depth, imageBytes, maxInFlightPerDevice, linkTolerance,
                quarantineEntries, quarantineBytes, authAnswer);
    }

    public IngestSettings withQuarantine(int entries, long bytes) {
        return new IngestSettings(maxRequestBytes, maxDepth, maxImageBytes, maxInFlightPerDevice, linkTolerance,
                entries, bytes, authAnswer);
    }

    public IngestSettings withMaxInFlightPerDevice(int max) {
        return new IngestSettings(maxRequestBytes, maxDepth, maxImageBytes, max, linkTolerance, quarantineEntries,
                quarantineBytes, authAnswer);
    }

    public IngestSettings withAuthAnswer(AuthAnswer answer) {
        return new IngestSettings(maxRequestBytes, maxDepth, maxImageBytes, maxInFlightPerDevice, linkTolerance,
                quarantineEntries, quarantineBytes, answer);
    }
}
