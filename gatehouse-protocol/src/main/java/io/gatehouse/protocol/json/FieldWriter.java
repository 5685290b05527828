package io.gatehouse.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Builds one JSON object in the documented field order, leaving out absent (null) values so that a writer
 * never invents a field the device would not send.
 */
public final class FieldWriter {
    private final ObjectNode node;

    private FieldWriter(ObjectNode node) {
        this.node = node;
    }

    public static FieldWriter object() {
        return new FieldWriter(Json.object());
    }

    public FieldWriter put(String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
        return this;
    }

    public FieldWriter put(String name, Integer value) {
        if (value != null) {
            node.put(name, value);
        }
        return this;
    }

    public FieldWriter put(String name, Long value) {
        if (value != null) {
            node.put(name, value);
        }
        return this;
    }

    public FieldWriter put(String name, Double value) {
        if (value != null) {
            node.put(name, value);
        }
        return this;
    }

    public FieldWriter put(String name, Boolean value) {
        if (value != null) {
            node.put(name, value);
        }
        return this;
    }

    public FieldWriter put(String name, JsonNode value) {
        if (value != null) {
            node.set(name, value);
        }
        return this;
    }

    public FieldWriter put(String name, FieldWriter value) {
        if (value != null) {
            node.set(name, value.node);
        }
        return this;
    }

    public FieldWriter putStrings(String name, List<String> values) {
        if (values != null) {
            var array = node.putArray(name);
            values.forEach(array::add);
        }
        return this;
    }

    public FieldWriter putObjects(String name, List<? extends JsonNode> values) {
        if (values != null) {
            node.putArray(name).addAll(values);
        }
        return this;
    }

    /** Writes back the unknown fields a reader kept, so that a decode-encode round trip loses nothing. */
    public FieldWriter putAll(Map<String, JsonNode> extra) {
        extra.forEach(node::set);
        return this;
    }

    public ObjectNode build() {
        return node;
    }
}
