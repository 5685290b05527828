package io.gatehouse.protocol.sense;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.Dialect;
import io.gatehouse.protocol.Family;
import io.gatehouse.protocol.MessageKind;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.FieldWriter;

/** The answer to a successful login: {@code data.token} is the JWT to send as {@code Authorization: Bearer}. */
public record LoginAnswer(int code, String msg, String token) implements SenseMessage {
    @Override
    public Dialect dialect() {
        return new Dialect(Family.SENSE_PASS, MessageKind.LOGIN_ANSWER, Dialect.ANY_VERSION);
    }

    static LoginAnswer read(FieldReader r) throws DecodeException {
        return new LoginAnswer(Envelope.code(r), Envelope.message(r), r.object("data").string("token"));
    }

    @Override
    public ObjectNode toJson() {
        return Envelope.write(code, msg, FieldWriter.object().put("token", token).build()).build();
    }

    @Override
    public String toString() {
        return "LoginAnswer[code=" + code + ", msg=" + msg + ", token=***]";
    }
}
