package io.gatehouse.protocol.sophon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.Dialect;
import io.gatehouse.protocol.Family;
import io.gatehouse.protocol.MessageKind;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.FieldWriter;
import java.util.Map;
import java.util.Set;

/**
 * A recognition in the V5 shape (seed document 004). {@code score} is 0..1. {@code identityInfo} is the
 * registered information, {@code {}} for strangers, kept as sent. {@code eventId} and {@code videoId} are
 * missing from the document's table but read by its sample client, so they are accepted and written.
 *
 * @param timestamp Unix milliseconds
 * @param regPic    the registered photo, base64, optional
 */
public record SophonEventV5(
        String identityId,
        String deviceId,
        JsonNode identityInfo,
        String identityName,
        String groupName,
        String regPic,
        long timestamp,
        double score,
        SophonExtData extData,
        String eventId,
        String videoId,
        Map<String, JsonNode> extra) implements SophonEvent {

    private static final Set<String> FIELDS = Set.of("identity_id", "device_id", "identity_info", "identity_name",
            "group_name", "reg_pic", "timestamp", "score", "ext_data", "event_id", "video_id");

    public SophonEventV5 {
        extra = extra == null ? Map.of() : extra;
    }

    @Override
    public String cameraId() {
        return deviceId;
    }

    @Override
    public Dialect dialect() {
        return new Dialect(Family.SOPHON_SE, MessageKind.SOPHON_EVENT, SophonVersion.V5.label());
    }

    static SophonEventV5 read(FieldReader r) throws DecodeException {
        FieldReader ext = r.optObject("ext_data");
        return new SophonEventV5(
                r.optString("identity_id"),
                r.string("device_id"),
                r.optRaw("identity_info"),
                r.optString("identity_name"),
                r.optString("group_name"),
                r.optString("reg_pic"),
                SophonTime.millis(r, "timestamp"),
                r.doubleValue("score"),
                ext == null ? null : SophonExtData.read(ext),
                r.optString("event_id"),
                r.optString("video_id"),
                r.unknown(FIELDS));
    }

    @Override
    public ObjectNode toJson() {
        return FieldWriter.object()
                .put("reg_pic", regPic)
                .put("ext_data", extData == null ? null : extData.toJson())
                .put("identity_id", identityId)
                .put("device_id", deviceId)
                .put("identity_info", identityInfo)
                .put("score", score)
                .put("timestamp", timestamp)
                .put("group_name", groupName)
                .put("identity_name", identityName)
                .put("event_id", eventId)
                .put("video_id", videoId)
                .putAll(extra)
                .build();
    }
}
