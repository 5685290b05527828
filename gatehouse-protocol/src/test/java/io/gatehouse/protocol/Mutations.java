package io.gatehouse.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Hostile variants of a valid payload: every value, at every level, replaced in turn by a value of each
 * wrong type (null, object, array, text, fraction, negative, boolean, a 70-bit number, "NaN", "1e999").
 * Shared by the codec's and the normalizer's hostile-input tests.
 */
public final class Mutations {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One variant: {@code path} is the dotted path of the replaced value. */
    public record Mutation(String path, JsonNode replacement, JsonNode document) {
        /** The error is about this value: its path, a field inside it, or the object holding it (a missing field). */
        public boolean blames(io.gatehouse.protocol.json.DecodeException e) {
            return e.path().isEmpty() || path.startsWith(e.path()) || e.path().startsWith(path);
        }

        @Override
        public String toString() {
            return path + " := " + replacement;
        }
    }

    private Mutations() {
    }

    static List<JsonNode> replacements() {
        return List.of(NODES.nullNode(), NODES.objectNode(), NODES.arrayNode(), NODES.textNode("x"),
                NODES.numberNode(1.5), NODES.numberNode(-1), NODES.booleanNode(true),
                NODES.numberNode(BigInteger.ONE.shiftLeft(70)), NODES.textNode("NaN"), NODES.textNode("1e999"));
    }

    public static List<Mutation> of(JsonNode document) {
        List<Mutation> all = new ArrayList<>();
        collect(document, document, "", all);
        return all;
    }

    private static void collect(JsonNode root, JsonNode node, String path, List<Mutation> into) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                String child = path.isEmpty() ? name : path + "." + name;
                for (JsonNode replacement : replacements()) {
                    JsonNode copy = root.deepCopy();
                    ((ObjectNode) locate(copy, path)).set(name, replacement);
                    into.add(new Mutation(child, replacement, copy));
                }
                collect(root, node.get(name), child, into);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String child = path + "[" + i + "]";
                for (JsonNode replacement : replacements()) {
                    JsonNode copy = root.deepCopy();
                    ((ArrayNode) locate(copy, path)).set(i, replacement);
                    into.add(new Mutation(child, replacement, copy));
                }
                collect(root, node.get(i), child, into);
            }
        }
    }

    /** The node at a dotted path such as {@code data.user.groups[1]}. */
    private static JsonNode locate(JsonNode root, String path) {
        JsonNode node = root;
        if (path.isEmpty()) {
            return node;
        }
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            node = node.get(bracket < 0 ? part : part.substring(0, bracket));
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                node = node.get(Integer.parseInt(part.substring(bracket + 1, close)));
                bracket = part.indexOf('[', close);
            }
        }
        return node;
    }
}
