package io.gatehouse.protocol.sense;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.Dialect;
import io.gatehouse.protocol.Family;
import io.gatehouse.protocol.MessageKind;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.FieldWriter;

/**
 * {@code POST /v1/auth/login}. {@code validTime} is the token's validity in minutes, 1 to 1440, 5 when absent.
 */
public record LoginRequest(String username, String password, Integer validTime) implements SenseMessage {
    public static final int DEFAULT_VALID_MINUTES = 5;
    public static final int MAX_VALID_MINUTES = 1440;

    /** The validity the terminal applies, or -1 when {@code validTime} is outside 1..1440. */
    public int effectiveValidMinutes() {
        int minutes = validTime == null ? DEFAULT_VALID_MINUTES : validTime;
        return minutes >= 1 && minutes <= MAX_VALID_MINUTES ? minutes : -1;
    }

    @Override
    public Dialect dialect() {
        return new Dialect(Family.SENSE_PASS, MessageKind.LOGIN_REQUEST, Dialect.ANY_VERSION);
    }

    static LoginRequest read(FieldReader r) throws DecodeException {
        return new LoginRequest(r.string("username"), r.string("password"), r.optInt("validTime"));
    }

    @Override
    public ObjectNode toJson() {
        return FieldWriter.object().put("username", username).put("password", password).put("validTime", validTime).build();
    }

    @Override
    public String toString() {
        return "LoginRequest[username=" + username + ", password=***, validTime=" + validTime + "]";
    }
}
