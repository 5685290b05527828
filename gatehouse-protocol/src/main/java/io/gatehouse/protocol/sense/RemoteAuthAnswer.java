package io.gatehouse.protocol.sense;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.Coded;
import io.gatehouse.protocol.Dialect;
import io.gatehouse.protocol.Family;
import io.gatehouse.protocol.MessageKind;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.FieldWriter;

/**
 * The server's verdict on a {@link RemoteAuthRequest}: the terminal opens the door when {@code pass} is true
 * and shows {@code customTips} on its screen. {@code icNumber} is passed on to a Wiegand output.
 */
public record RemoteAuthAnswer(
        int code,
        String msg,
        boolean pass,
        String customTips,
        String userId,
        String userName,
        String icNumber,
        Double verifyScore,
        Integer verifyCode) implements SenseMessage {

    public static RemoteAuthAnswer of(boolean pass, String customTips, String userId, String userName, VerifyCode verifyCode) {
        return new RemoteAuthAnswer(ResultCode.OK.code(), "OK", pass, customTips, userId, userName, null, null,
                verifyCode == null ? null : verifyCode.code());
    }

    public VerifyCode verifyCodeKnown() {
        return verifyCode == null ? null : VerifyCode.of(verifyCode);
    }

    @Override
    public Dialect dialect() {
        return new Dialect(Family.SENSE_PASS, MessageKind.REMOTE_AUTH_ANSWER, Dialect.ANY_VERSION);
    }

    static RemoteAuthAnswer read(FieldReader r) throws DecodeException {
        FieldReader data = r.object("data");
        return new RemoteAuthAnswer(Envelope.code(r), Envelope.message(r),
                data.booleanValue("pass"),
                data.optString("customtips"),
                data.optString("user_id"),
                data.optString("user_name"),
                data.optString("ic_number"),
                data.optDouble("verify_score"),
                Coded.read(data, "verify_code", VerifyCode::of));
    }

    @Override
    public ObjectNode toJson() {
        return Envelope.write(code, msg, FieldWriter.object()
                        .put("pass", pass)
                        .put("customtips", customTips)
                        .put("user_id", userId)
                        .put("user_name", userName)
                        .put("ic_number", icNumber)
                        .put("verify_score", verifyScore)
                        .put("verify_code", verifyCode)
                        .build())
                .build();
    }
}
