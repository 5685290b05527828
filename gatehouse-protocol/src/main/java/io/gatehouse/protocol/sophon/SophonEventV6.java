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
 * A recognition in the V6 shape: flat, images as {@code data:image/jpeg;base64,...} URIs, the person type as
 * a word, and {@code score} on a 0..100 scale (the example shows 82.05).
 *
 * @param timestamp Unix milliseconds
 */
public record SophonEventV6(
        String eventId,
        long timestamp,
        String identityId,
        String identityName,
        String userType,
        double score,
        String mediaDeviceIp,
        String mediaDeviceId,
        String mediaDeviceType,
        String registerImage,
        String recognizeFaceImage,
        JsonNode recognizeFaceAttr,
        Map<String, JsonNode> extra) implements SophonEvent {

    private static final Set<String> FIELDS = Set.of("event_id", "timestamp", "identity_id", "identity_name",
            "user_type", "score", "media_device_ip", "media_device_id", "media_device_type", "register_image",
            "recognize_face_image", "recognize_face_attr");

    public SophonEventV6 {
        extra = extra == null ? Map.of() : extra;
    }

    @Override
    public String cameraId() {
        return mediaDeviceId;
    }

    public SophonPersonType personTypeKnown() {
        return userType == null ? null : SophonPersonType.ofWord(userType);
    }

    @Override
    public Dialect dialect() {
        return new Dialect(Family.SOPHON_SE, MessageKind.SOPHON_EVENT, SophonVersion.V6.label());
    }

    static boolean isV6(JsonNode node) {
        return node.has("media_device_id") || node.has("user_type") || node.has("recognize_face_image");
    }

    static SophonEventV6 read(FieldReader r) throws DecodeException {
        String userType = r.optString("user_type");
        if (userType != null && SophonPersonType.ofWord(userType) == null) {
            r.notes().add(r.pathOf("user_type") + ": undocumented user type \"" + userType + "\" kept");
        }
        return new SophonEventV6(
                r.optString("event_id"),
                SophonTime.millis(r, "timestamp"),
                r.optString("identity_id"),
                r.optString("identity_name"),
                userType,
                r.doubleValue("score"),
                r.optString("media_device_ip"),
                r.string("media_device_id"),
                r.optString("media_device_type"),
                r.optString("register_image"),
                r.optString("recognize_face_image"),
                r.optRaw("recognize_face_attr"),
                r.unknown(FIELDS));
    }

    @Override
    public ObjectNode toJson() {
        return FieldWriter.object()
                .put("event_id", eventId)
                .put("timestamp", timestamp)
                .put("identity_id", identityId)
                .put("identity_name", identityName)
                .put("user_type", userType)
                .put("score", score)
                .put("media_device_ip", mediaDeviceIp)
                .put("media_device_id", mediaDeviceId)
                .put("media_device_type", mediaDeviceType)
                .put("register_image", registerImage)
                .put("recognize_face_image", recognizeFaceImage)
                .put("recognize_face_attr", recognizeFaceAttr)
                .putAll(extra)
                .build();
    }
}
