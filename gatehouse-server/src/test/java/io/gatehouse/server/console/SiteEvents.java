package io.gatehouse.server.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.core.store.Channel;
import io.gatehouse.core.store.Ingested;
import io.gatehouse.protocol.Samples;
import io.gatehouse.server.DevicePayloads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;

/**
 * Events as a site's terminals report them, made from the protocol reference's v1.3.0 samples (recognition push
 * and alarm push) with this visit's person, time and snapshot, then decoded and normalized as a receiver does.
 */
final class SiteEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A person as the terminal's library knows them; type 1 employee, 2 visitor, 5 blacklisted (v1.3.0). */
    record Person(String id, String name, int type, String group) {
    }

    private SiteEvents() {
    }

    static Ingested recognition(String serial, String deviceId, String uuid, Person person, boolean pass,
                                double score, Instant at, Instant receivedAt, byte[] snapshot) {
        ObjectNode push = sample("sense-push-recognition-v1.3.0.json");
        ObjectNode data = (ObjectNode) push.get("data");
        data.put("deviceSN", serial).put("uuid", uuid).put("pass", pass).put("recognizeScore", score)
                .put("timestamp", at.getEpochSecond())
                .put("rgb_image", Base64.getEncoder().encodeToString(snapshot));
        if (person == null) {
            data.put("recognitionType", 3);
            data.putObject("user");
        } else {
            data.put("recognitionType", person.type() == 5 ? 5 : person.type());
            ObjectNode user = (ObjectNode) data.get("user");
            user.put("user_id", person.id()).put("name", person.name()).put("type", person.type())
                    .put("job_number", "J-" + person.id()).put("ic_number", "C" + person.id());
            user.putArray("groups").addObject().put("id", "g-" + person.group()).put("name", person.group());
        }
        return DevicePayloads.ingested(push, serial, deviceId, Channel.RECORD_PUSH, receivedAt);
    }

    static Ingested alarm(String serial, String deviceId, String traceId, int code, int status, String description,
                          Instant at, byte[] photo) {
        ObjectNode push = sample("sense-push-alarm-v1.3.0.json");
        ((ObjectNode) push.get("data")).put("trace_id", traceId).put("code", code).put("status", status)
                .put("description", description).put("event_time", at.toEpochMilli())
                .put("alarm_photo", Base64.getEncoder().encodeToString(photo));
        return DevicePayloads.ingested(push, serial, deviceId, Channel.RECORD_PUSH, at.plusMillis(400));
    }

    private static ObjectNode sample(String name) {
        try {
            return (ObjectNode) JSON.readTree(Samples.bytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
