package io.gatehouse.protocol.sense;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.Dialect;
import io.gatehouse.protocol.Family;
import io.gatehouse.protocol.MessageKind;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.FieldWriter;

/**
 * What the record-push receiver answers: {@code {code, message, data: {pass, customtips}}}. Code 200 tells
 * the terminal the record was taken; anything else, and no answer at all, makes it cache and retry.
 *
 * @param customTips screen text; the documents recommend 0 to 10 characters
 */
public record PushAnswer(int code, String message, Boolean pass, String customTips) implements SenseMessage {

    public static PushAnswer success(boolean pass, String customTips) {
        return new PushAnswer(ResultCode.OK.code(), "success", pass, customTips);
    }

    public boolean accepted() {
        return code == ResultCode.OK.code();
    }

    @Override
    public Dialect dialect() {
        return new Dialect(Family.SENSE_PASS, MessageKind.PUSH_ANSWER, Dialect.ANY_VERSION);
    }

    static PushAnswer read(FieldReader r) throws DecodeException {
        FieldReader data = r.optObject("data");
        return new PushAnswer(Envelope.code(r), Envelope.message(r),
                data == null ? null : data.optBoolean("pass"),
                data == null ? null : data.optString("customtips"));
    }

    @Override
    public ObjectNode toJson() {
        return FieldWriter.object()
                .put("code", code)
                .put("message", message)
                .put("data", FieldWriter.object().put("pass", pass).put("customtips", customTips))
                .build();
    }
}
