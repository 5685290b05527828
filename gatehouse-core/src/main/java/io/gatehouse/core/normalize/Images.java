package io.gatehouse.core.normalize;

import io.gatehouse.core.event.EventImage;
import io.gatehouse.core.event.ImageKind;
import io.gatehouse.protocol.WireImage;
import io.gatehouse.protocol.json.DecodeException;
import java.util.ArrayList;
import java.util.List;

/** Collects the decoded images of one event, skipping blank ones. */
final class Images {
    private final int maxBytes;
    private final List<EventImage> images = new ArrayList<>(3);

    Images(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    Images add(ImageKind kind, String path, String value) throws DecodeException {
        WireImage image = WireImage.decode(path, value, maxBytes);
        if (image != null) {
            images.add(EventImage.decoded(kind, image.mediaType(), image.bytes(), value));
        }
        return this;
    }

    List<EventImage> list() {
        return images;
    }
}
