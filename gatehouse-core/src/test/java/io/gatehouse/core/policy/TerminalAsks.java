package io.gatehouse.core.policy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.core.event.AccessEvent;
import io.gatehouse.core.normalize.EventNormalizer;
import io.gatehouse.core.normalize.Origin;
import io.gatehouse.protocol.ProtocolCodec;
import io.gatehouse.protocol.json.Json;
import java.time.Instant;

/**
 * A terminal's remote-authorization request as it goes over the wire (v1.3.0, like
 * {@code sense-remote-auth-request-v1.3.0.json}), turned into the normalized event the way the hub does it:
 * decoded by the protocol codec, normalized by the event normalizer.
 */
final class TerminalAsks {
    private final ObjectNode body = Json.object();
    private final ObjectNode user = Json.object();

    private TerminalAsks(String deviceSerial) {
        body.put("deviceSN", deviceSerial).put("recognizeStatus", 2).put("recognizeScore", 0.95)
                .put("entry_mode", 1).put("mask", 0).put("rgb_image", "").put("bodyTemperature", 0.0)
                .put("timestamp", 1767225604L).put("qrcode_content", "");
        body.set("user", user);
    }

    static TerminalAsks at(String deviceSerial) {
        return new TerminalAsks(deviceSerial);
    }

    /** A library person of type 1 employee, 2 visitor, 5 blacklist (v1.3.0 codes). */
    TerminalAsks person(String userId, String name, int type) {
        user.put("user_id", userId).put("name", name).put("type", type).put("ic_number", "").put("id_number", "")
                .put("job_number", "").put("pin", "").put("remark", "").put("guest_time_start", 0)
                .put("guest_time_end", 0);
        user.putArray("groups");
        return this;
    }

    TerminalAsks groups(String... ids) {
        ArrayNode groups = user.putArray("groups");
        for (String id : ids) {
            groups.addObject().put("id", id).put("name", id);
        }
        return this;
    }

    TerminalAsks guestWindow(Instant from, Instant until) {
        user.put("guest_time_start", from.toEpochMilli()).put("guest_time_end", until.toEpochMilli());
        return this;
    }

    TerminalAsks status(int recognizeStatus) {
        body.put("recognizeStatus", recognizeStatus);
        return this;
    }

    TerminalAsks score(double score) {
        body.put("recognizeScore", score);
        return this;
    }

    TerminalAsks temperature(double celsius) {
        body.put("bodyTemperature", celsius);
        return this;
    }

    TerminalAsks mask(int mask) {
        body.put("mask", mask);
        return this;
    }

    TerminalAsks sentAt(Instant time) {
        body.put("timestamp", time.getEpochSecond());
        return this;
    }

    AccessEvent event() {
        try {
            byte[] wire = Json.standard().write(body);
            var decoded = ProtocolCodec.standard().decode(wire);
            return (AccessEvent) EventNormalizer.standard().normalize(decoded.message(),
                    ProtocolCodec.standard().parse(wire), Origin.UNKNOWN);
        } catch (Exception e) {
            throw new AssertionError("the test built an undecodable request: " + body, e);
        }
    }

    @Override
    public String toString() {
        return body.toString();
    }
}
