package io.gatehouse.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.protocol.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The protocol reference's hand-checked samples (copied from gatehouse-protocol's test resources), and the
 * "shape" of a JSON document: every field path with its JSON type. Conformance tests compare the shape of what
 * the emulator sends with the shape of the sample the documents show.
 */
public final class Samples {
    private Samples() {
    }

    public static JsonNode json(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new AssertionError("no sample " + name);
            }
            return Json.standard().parse(in.readAllBytes());
        } catch (IOException | io.gatehouse.protocol.json.DecodeException e) {
            throw new AssertionError(e);
        }
    }

    public static String text(String name) {
        return json(name).toString();
    }

    /** Every field path (arrays collapsed to {@code []}) with its type: number, string, boolean, object, array. */
    public static Map<String, String> shape(JsonNode node) {
        Map<String, String> shape = new TreeMap<>();
        walk(node, "", shape);
        return shape;
    }

    /** The shape without the given paths (fields the documents mark optional). */
    public static Map<String, String> shapeWithout(JsonNode node, Set<String> optional) {
        Map<String, String> shape = shape(node);
        shape.keySet().removeIf(path -> optional.stream().anyMatch(o -> path.equals(o) || path.startsWith(o + ".")
                || path.startsWith(o + "[]")));
        return shape;
    }

    private static void walk(JsonNode node, String path, Map<String, String> shape) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var field = it.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                shape.put(child, type(field.getValue()));
                walk(field.getValue(), child, shape);
            }
        } else if (node.isArray() && node.size() > 0) {
            walk(node.get(0), path + "[]", shape);
        }
    }

    private static String type(JsonNode node) {
        if (node.isNumber()) {
            return "number";
        }
        return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
