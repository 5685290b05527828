package io.gatehouse.protocol.sense;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.FieldWriter;

/** A group the person belongs to ({@code user.groups[]}, v1.2.1+). */
public record SenseGroup(String id, String name) {
    static SenseGroup read(FieldReader r) throws DecodeException {
        return new SenseGroup(r.optString("id"), r.optString("name"));
    }

    ObjectNode toJson() {
        return FieldWriter.object().put("id", id).put("name", name).build();
    }
}
