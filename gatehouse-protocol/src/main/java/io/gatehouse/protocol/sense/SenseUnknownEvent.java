package io.gatehouse.protocol.sense;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.Dialect;
import io.gatehouse.protocol.Family;
import io.gatehouse.protocol.MessageKind;

/**
 * An event whose {@code type} the documents do not know (a future firmware's). Kept whole, so that the hub
 * can store and report it instead of refusing the push and making the terminal retry forever.
 */
public record SenseUnknownEvent(int type, JsonNode data) implements SenseEvent {
    @Override
    public Dialect dialect() {
        return new Dialect(Family.SENSE_PASS, MessageKind.UNKNOWN_EVENT, Dialect.ANY_VERSION);
    }

    @Override
    public ObjectNode dataJson() {
        return data.isObject() ? ((ObjectNode) data).deepCopy() : io.gatehouse.protocol.json.Json.object();
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode node = io.gatehouse.protocol.json.Json.object();
        node.put("type", type);
        node.set("data", data.deepCopy());
        return node;
    }
}
