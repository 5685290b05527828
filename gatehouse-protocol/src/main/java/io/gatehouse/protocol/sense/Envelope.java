package io.gatehouse.protocol.sense;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.FieldWriter;

/** Reads and writes the {@code {code, msg, data}} wrapper every terminal answer shares. */
final class Envelope {
    private Envelope() {
    }

    static int code(FieldReader r) throws DecodeException {
        int code = r.intValue("code");
        if (ResultCode.of(code) == null) {
            r.notes().add(r.pathOf("code") + ": undocumented result code " + code + " kept");
        }
        return code;
    }

    /** The message text: the documents name it {@code msg} in most answers and {@code message} in some. */
    static String message(FieldReader r) throws DecodeException {
        String msg = r.optString("msg");
        return msg != null ? msg : r.optString("message");
    }

    static FieldWriter write(int code, String msg, JsonNode data) {
        return FieldWriter.object().put("code", code).put("msg", msg).put("data", data);
    }
}
