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
 * The question a terminal in {@code auth_mode} 1 (or 3) POSTs to {@code remote_authentication_address}
 * before it opens the door: this person was verified locally, may they pass? Unlike a record it has no
 * {@code uuid} and no wrapper, and always carries {@code recognizeStatus}.
 *
 * @param timestamp Unix seconds
 */
public record RemoteAuthRequest(
        SenseVersion version,
        String deviceSn,
        Integer recognizeStatus,
        Double recognizeScore,
        Integer entryMode,
        Integer mask,
        String rgbImage,
        Double bodyTemperature,
        long timestamp,
        String qrcodeContent,
        SenseUser user,
        Map<String, JsonNode> extra) implements SenseMessage {

    private static final Set<String> FIELDS = Set.of("deviceSN", "recognizeStatus", "recognizeScore", "entry_mode",
            "mask", "rgb_image", "bodyTemperature", "timestamp", "qrcode_content", "user");

    public RemoteAuthRequest {
        extra = extra == null ? Map.of() : extra;
    }

    @Override
    public Dialect dialect() {
        return new Dialect(Family.SENSE_PASS, MessageKind.REMOTE_AUTH_REQUEST, version.label());
    }

    public EntryMode entryModeKnown() {
        return entryMode == null ? null : EntryMode.of(entryMode);
    }

    /**
     * The request has no {@code uuid}, so the version shows only in {@code entry_mode} and the user's fields:
     * v1.3.0 with {@code entry_mode} or {@code pin}; v1.2.1 with groups, id number, remark or a string
     * {@code user_id}; v1.1.0 (the oldest firmware documented with remote authorization) otherwise.
     */
    static SenseVersion detectVersion(JsonNode body) {
        JsonNode user = body.path("user");
        if (SenseRecognition.hasAny(body, "entry_mode") || SenseRecognition.hasAny(user, "pin")) {
            return SenseVersion.V1_3_0;
        }
        if (SenseRecognition.hasAny(user, "groups", "id_number", "remark") || user.path("user_id").isTextual()) {
            return SenseVersion.V1_2_1;
        }
        return SenseVersion.V1_1_0;
    }

    static RemoteAuthRequest read(FieldReader r) throws DecodeException {
        SenseVersion version = detectVersion(r.node());
        FieldReader user = r.optObject("user");
        return new RemoteAuthRequest(
                version,
                r.string("deviceSN"),
                Coded.read(r, "recognizeStatus", RecognizeStatus::of),
                r.optDouble("recognizeScore"),
                Coded.read(r, "entry_mode", EntryMode::of),
                Coded.read(r, "mask", MaskState::of),
                r.optString("rgb_image"),
                r.optDouble("bodyTemperature"),
                SenseTime.seconds(r, "timestamp"),
                r.optString("qrcode_content"),
                user == null ? null : SenseUser.read(user, version),
                r.unknown(FIELDS));
    }

    @Override
    public ObjectNode toJson() {
        FieldWriter w = FieldWriter.object()
                .put("deviceSN", deviceSn)
                .put("recognizeStatus", recognizeStatus)
                .put("recognizeScore", recognizeScore);
        if (version.atLeast(SenseVersion.V1_3_0)) {
            w.put("entry_mode", entryMode);
        }
        w.put("mask", mask).put("rgb_image", rgbImage).put("bodyTemperature", bodyTemperature)
                .put("timestamp", timestamp).put("qrcode_content", qrcodeContent);
        if (user != null) {
            w.put("user", user.toJson(version));
        }
        return w.putAll(extra).build();
    }
}
