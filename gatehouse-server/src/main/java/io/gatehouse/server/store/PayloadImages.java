package io.gatehouse.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.core.event.EventImage;
import io.gatehouse.protocol.WireImage;
import io.gatehouse.protocol.json.DecodeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Takes the images out of a device payload before it is stored for forensics: every string that decodes to one
 * of the event's images, or to any other picture, becomes {@code "blob:sha256:HEX"}. The payload keeps its shape
 * and every other field, and the rows hold no image bytes.
 */
final class PayloadImages {
    static final String REFERENCE_PREFIX = "blob:sha256:";
    /** Shorter strings cannot hold a picture worth keeping; skipping them keeps the walk cheap. */
    private static final int MIN_IMAGE_CHARS = 128;

    /** The payload to store, and the images it held that the event does not list. */
    record Stripped(JsonNode payload, List<BlobImage> unclassified) {
    }

    private PayloadImages() {
    }

    static Stripped strip(JsonNode original, List<EventImage> known) {
        if (original == null) {
            return new Stripped(JsonNodeFactory.instance.nullNode(), List.of());
        }
        List<BlobImage> unclassified = new ArrayList<>(0);
        List<Known> wire = new ArrayList<>(known.size());
        known.forEach(image -> wire.add(new Known(image)));
        JsonNode copy = original.deepCopy();
        JsonNode replaced = replace(copy, wire, unclassified);
        return new Stripped(replaced == null ? copy : replaced, unclassified);
    }

    /** @return the node to put in place of {@code node}, or {@code null} to keep it */
    private static JsonNode replace(JsonNode node, List<Known> known, List<BlobImage> unclassified) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode replacement = replace(field.getValue(), known, unclassified);
                if (replacement != null) {
                    field.setValue(replacement);
                }
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                JsonNode replacement = replace(array.get(i), known, unclassified);
                if (replacement != null) {
                    array.set(i, replacement);
                }
            }
        } else if (node.isTextual() && node.textValue().length() >= MIN_IMAGE_CHARS) {
            String sha256 = imageHash(node.textValue(), known, unclassified);
            return sha256 == null ? null : JsonNodeFactory.instance.textNode(REFERENCE_PREFIX + sha256);
        }
        return null;
    }

    private static String imageHash(String text, List<Known> known, List<BlobImage> unclassified) {
        for (Known candidate : known) {
            if (candidate.isWireFormOf(text)) {
                return candidate.image.sha256();
            }
        }
        WireImage image;
        try {
            image = WireImage.decode("", text, Integer.MAX_VALUE);
        } catch (DecodeException e) {
            return null; // not base64: an ordinary long string
        }
        if (image == null) {
            return null;
        }
        for (Known candidate : known) {
            if (Arrays.equals(candidate.image.bytes(), image.bytes())) {
                return candidate.image.sha256();
            }
        }
        if (!image.mediaType().startsWith("image/")) {
            return null; // base64 of something that is not a picture: keep it as sent
        }
        String sha256 = EventImage.sha256Hex(image.bytes());
        if (unclassified.stream().noneMatch(u -> u.sha256().equals(sha256))) {
            unclassified.add(new BlobImage(sha256, image.mediaType(), image.bytes(), BlobImage.UNCLASSIFIED));
        }
        return sha256;
    }

    /**
     * One of the event's images and, once a string of the right length turns up, its base64 text. The normalizer
     * has already decoded every image the event lists, from strings of this very payload: the string it decoded is
     * recognised at once. Any other string of the right length is compared with the image encoded again, which
     * costs a fraction of decoding the string a second time (a profile of remote authorization at 1,200 requests/s
     * had that second decode at 6 % of the hub's CPU, and the encoding at 9 % of the event loop's at 2,400/s).
     */
    private static final class Known {
        private final EventImage image;
        private final int base64Length;
        private String base64;

        Known(EventImage image) {
            this.image = image;
            this.base64Length = 4 * ((image.size() + 2) / 3);
        }

        /** Whether {@code text} is this image as raw base64 or as a base64 data URI, exactly as we would write it. */
        boolean isWireFormOf(String text) {
            if (text.equals(image.wire())) {
                return true;
            }
            int prefix = text.length() - base64Length;
            if (prefix != 0 && (prefix < 0 || text.indexOf(',') != prefix - 1
                    || !text.regionMatches(true, 0, "data:", 0, 5)
                    || !text.regionMatches(true, prefix - 8, ";base64,", 0, 8))) {
                return false;
            }
            if (base64 == null) {
                base64 = Base64.getEncoder().encodeToString(image.bytes());
            }
            return text.startsWith(base64, prefix);
        }
    }
}
