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
        JsonNode copy = original.deepCopy();
        JsonNode replaced = replace(copy, known, unclassified);
        return new Stripped(replaced == null ? copy : replaced, unclassified);
    }

    /** @return the node to put in place of {@code node}, or {@code null} to keep it */
    private static JsonNode replace(JsonNode node, List<EventImage> known, List<BlobImage> unclassified) {
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

    private static String imageHash(String text, List<EventImage> known, List<BlobImage> unclassified) {
        WireImage image;
        try {
            image = WireImage.decode("", text, Integer.MAX_VALUE);
        } catch (DecodeException e) {
            return null; // not base64: an ordinary long string
        }
        if (image == null) {
            return null;
        }
        for (EventImage candidate : known) {
            if (candidate.size() == image.bytes().length && Arrays.equals(candidate.bytes(), image.bytes())) {
                return candidate.sha256();
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
}
