package io.gatehouse.protocol.sense;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.Dialect;
import io.gatehouse.protocol.Family;
import io.gatehouse.protocol.MessageKind;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;

/**
 * Any terminal answer {@code {code, msg, data}} without a more specific shape: errors, acknowledgements,
 * configuration read-backs. {@code data} is kept as sent ({@code null} included).
 */
public record SenseEnvelope(int code, String msg, JsonNode data) implements SenseMessage {

    public static SenseEnvelope ok(JsonNode data) {
        return new SenseEnvelope(ResultCode.OK.code(), "OK", data);
    }

    public static SenseEnvelope error(ResultCode code, String msg) {
        return new SenseEnvelope(code.code(), msg, NullNode.instance);
    }

    public boolean isOk() {
        return code == ResultCode.OK.code();
    }

    public ResultCode resultCode() {
        return ResultCode.of(code);
    }

    @Override
    public Dialect dialect() {
        return new Dialect(Family.SENSE_PASS, MessageKind.ENVELOPE, Dialect.ANY_VERSION);
    }

    static SenseEnvelope read(FieldReader r) throws DecodeException {
        JsonNode data = r.node().get("data");
        return new SenseEnvelope(Envelope.code(r), Envelope.message(r), data == null ? NullNode.instance : data);
    }

    @Override
    public ObjectNode toJson() {
        return Envelope.write(code, msg, data == null ? NullNode.instance : data).build();
    }
}
