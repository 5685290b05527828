package io.gatehouse.server.connect;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.protocol.MessageKind;
import io.gatehouse.protocol.ProtocolCodec;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.Notes;
import io.gatehouse.protocol.sense.ResultCode;
import io.gatehouse.protocol.sense.SenseDecoder;
import io.gatehouse.protocol.sense.SenseEnvelope;

/**
 * Reads the terminal's {@code {code, msg, data}} answers with the protocol library. The body's code decides,
 * not the HTTP status (the documents give none); anything but 200 becomes a {@link DeviceException} that quotes
 * the terminal's code, its meaning and its message.
 */
final class TerminalAnswers {
    private static final int MAX_QUOTED_CHARS = 300;

    private TerminalAnswers() {
    }

    static SenseEnvelope envelope(byte[] body) throws DecodeException {
        return (SenseEnvelope) ProtocolCodec.standard().decode(body, r -> SenseDecoder.read(MessageKind.ENVELOPE, r));
    }

    /** The envelope of a successful answer; a refusal or an unreadable body fails with a reason naming {@code what}. */
    static SenseEnvelope accepted(String what, DeviceHttp.Reply reply) {
        SenseEnvelope envelope;
        try {
            envelope = envelope(reply.body().getBytes());
        } catch (DecodeException e) {
            throw notAnEnvelope(what, reply, e);
        }
        if (envelope.code() == ResultCode.UNAUTHORIZED.code()) {
            throw new DeviceException(DeviceState.UNAUTHORIZED, what + ": the terminal refuses the credentials");
        }
        if (!envelope.isOk()) {
            throw new DeviceException(DeviceState.DEGRADED, what + " refused: " + describe(envelope));
        }
        return envelope;
    }

    /** Reads an accepted answer's {@code data} with {@code reader}. */
    static <T> T data(String what, SenseEnvelope envelope, FieldReader.ElementReader<T> reader) {
        JsonNode data = envelope.data();
        try {
            return reader.read(FieldReader.root(data, new Notes()));
        } catch (DecodeException e) {
            throw new DeviceException(DeviceState.DEGRADED, what + ": the terminal's data does not read: " + e.getMessage());
        }
    }

    static DeviceException notAnEnvelope(String what, DeviceHttp.Reply reply, DecodeException e) {
        return new DeviceException(DeviceState.DEGRADED, what + ": the device answered HTTP " + reply.status()
                + " with a body that is not the terminal's {code,msg,data} envelope (" + e.getMessage() + ")");
    }

    /** {@code code 1001 (wrong password): wrong password}. */
    static String describe(SenseEnvelope envelope) {
        ResultCode known = envelope.resultCode();
        String msg = envelope.msg() == null ? "" : envelope.msg();
        if (msg.length() > MAX_QUOTED_CHARS) {
            msg = msg.substring(0, MAX_QUOTED_CHARS) + "...";
        }
        return "code " + envelope.code() + (known == null ? "" : " (" + known.meaning() + ")") + (msg.isEmpty() ? "" : ": " + msg);
    }
}
