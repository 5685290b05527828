package io.gatehouse.protocol.sense;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.Coded;
import io.gatehouse.protocol.Dialect;
import io.gatehouse.protocol.Family;
import io.gatehouse.protocol.MessageKind;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.FieldWriter;
import java.util.Map;
import java.util.Set;

/**
 * A device alarm, event type 1 (v1.3.0+): tamper, forced door, door-sensor timeout, password attack, fire;
 * raised, clearing failed or cleared.
 *
 * @param traceId   the alarm's unique id
 * @param eventTime Unix milliseconds
 * @param alarmPhoto optional base64 photo
 */
public record SenseAlarm(
        String traceId,
        String description,
        int code,
        String userId,
        long eventTime,
        int status,
        String alarmPhoto,
        Map<String, JsonNode> extra) implements SenseEvent {

    private static final Set<String> FIELDS = Set.of("trace_id", "description", "code", "user_id", "event_time",
            "status", "alarm_photo");

    public SenseAlarm {
        extra = extra == null ? Map.of() : extra;
    }

    @Override
    public int type() {
        return TYPE_ALARM;
    }

    @Override
    public Dialect dialect() {
        return new Dialect(Family.SENSE_PASS, MessageKind.ALARM, SenseVersion.V1_3_0.label());
    }

    public AlarmCode alarmCode() {
        return AlarmCode.of(code);
    }

    public AlarmStatus alarmStatus() {
        return AlarmStatus.of(status);
    }

    static SenseAlarm read(FieldReader r) throws DecodeException {
        r.intValue("code");
        r.intValue("status");
        return new SenseAlarm(
                r.string("trace_id"),
                r.optString("description"),
                Coded.read(r, "code", AlarmCode::of),
                r.optString("user_id"),
                r.longValue("event_time"),
                Coded.read(r, "status", AlarmStatus::of),
                r.optString("alarm_photo"),
                r.unknown(FIELDS));
    }

    @Override
    public ObjectNode dataJson() {
        return FieldWriter.object()
                .put("trace_id", traceId)
                .put("description", description)
                .put("code", code)
                .put("user_id", userId)
                .put("event_time", eventTime)
                .put("status", status)
                .put("alarm_photo", alarmPhoto)
                .putAll(extra)
                .build();
    }
}
