package io.gatehouse.server.store;

import io.gatehouse.core.event.EventImage;

/**
 * An image on its way into the blob store: the event's own images, and images found in the payload that the
 * normalizer did not classify (a field a newer firmware added), kept so that no image bytes end up in a row.
 *
 * @param kind the {@link io.gatehouse.core.event.ImageKind} name, or {@code UNCLASSIFIED}
 */
record BlobImage(String sha256, String mediaType, byte[] bytes, String kind) {
    static final String UNCLASSIFIED = "UNCLASSIFIED";

    static BlobImage of(EventImage image) {
        return new BlobImage(image.sha256(), image.mediaType(), image.bytes(), image.kind().name());
    }

    long size() {
        return bytes.length;
    }
}
