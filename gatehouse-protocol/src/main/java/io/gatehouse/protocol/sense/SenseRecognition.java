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
 * A recognition (passage) record, event type 0: pushed to {@code event_dest}, streamed on {@code /v1/event}
 * and listed by {@code /v1/event/records}. One record type serves every version; {@code version} says which
 * fields the terminal sends and how to read {@code mode} and {@code user.type}. Codes are kept raw so that an
 * undocumented one survives; the typed accessors interpret them.
 *
 * @param trackId   integer track id of firmware before v0.0.8, which had no {@code deviceSN}
 * @param timestamp recognition time in Unix seconds
 * @param rgbImage  the face snapshot in base64 as sent (may be blank)
 */
public record SenseRecognition(
        SenseVersion version,
        String deviceSn,
        Integer trackId,
        Integer recognizeStatus,
        Integer recognitionType,
        String uuid,
        Double recognizeScore,
        Double livenessScore,
        Integer mask,
        Integer mode,
        Integer entryMode,
        Integer abnormalType,
        String rgbImage,
        Boolean pass,
        long timestamp,
        Double bodyTemperature,
        SenseUser user,
        Map<String, JsonNode> extra) implements SenseEvent {

    private static final Set<String> FIELDS = Set.of("deviceSN", "trackID", "recognizeStatus", "recognitionType",
            "uuid", "recognizeScore", "livenessScore", "mask", "mode", "entry_mode", "abnormal_type", "rgb_image",
            "pass", "timestamp", "bodyTemperature", "user");

    public SenseRecognition {
        extra = extra == null ? Map.of() : extra;
    }

    @Override
    public int type() {
        return TYPE_RECOGNITION;
    }

    @Override
    public Dialect dialect() {
        return new Dialect(Family.SENSE_PASS, MessageKind.RECOGNITION, version.label());
    }

    public RecognizeStatus recognizeStatusKnown() {
        return recognizeStatus == null ? null : RecognizeStatus.of(recognizeStatus);
    }

    public RecognitionType recognitionTypeKnown() {
        return recognitionType == null ? null : RecognitionType.of(recognitionType);
    }

    public MaskState maskKnown() {
        return mask == null ? null : MaskState.of(mask);
    }

    public VerificationMode verificationMode() {
        return mode == null ? null : VerificationMode.of(mode, version);
    }

    public EntryMode entryModeKnown() {
        return entryMode == null ? null : EntryMode.of(entryMode);
    }

    public AbnormalType abnormalTypeKnown() {
        return abnormalType == null ? null : AbnormalType.of(abnormalType);
    }

    /** Tells the version from the fields a record carries; each version added fields the older ones lack. */
    static SenseVersion detectVersion(JsonNode data) {
        JsonNode user = data.path("user");
        if (data.has("entry_mode") || data.has("abnormal_type") || user.has("pin")) {
            return SenseVersion.V1_3_0;
        }
        if (data.has("uuid") || user.has("groups") || user.has("id_number") || user.has("remark")
                || user.path("user_id").isTextual()) {
            return SenseVersion.V1_2_1;
        }
        if (data.has("recognitionType") || data.has("bodyTemperature")) {
            return SenseVersion.V1_1_0;
        }
        if (data.has("trackID") && !data.has("deviceSN")) {
            return SenseVersion.V0_0_1;
        }
        return SenseVersion.V0_0_8;
    }

    static SenseRecognition read(FieldReader r) throws DecodeException {
        SenseVersion version = detectVersion(r.node());
        if (!r.has("deviceSN") && !r.has("trackID")) {
            throw new DecodeException(r.pathOf("deviceSN"), "required field is missing");
        }
        Integer mode = r.optInt("mode");
        if (mode != null && VerificationMode.of(mode, version) == null) {
            r.notes().add(r.pathOf("mode") + ": verification mode " + mode + " is undocumented in " + version.label() + ", kept");
        }
        FieldReader user = r.optObject("user");
        return new SenseRecognition(
                version,
                r.optString("deviceSN"),
                r.optInt("trackID"),
                Coded.read(r, "recognizeStatus", RecognizeStatus::of),
                Coded.read(r, "recognitionType", RecognitionType::of),
                r.optString("uuid"),
                r.optDouble("recognizeScore"),
                r.optDouble("livenessScore"),
                Coded.read(r, "mask", MaskState::of),
                mode,
                Coded.read(r, "entry_mode", EntryMode::of),
                Coded.read(r, "abnormal_type", AbnormalType::of),
                r.optString("rgb_image"),
                r.optBoolean("pass"),
                SenseTime.seconds(r, "timestamp"),
                r.optDouble("bodyTemperature"),
                user == null ? null : SenseUser.read(user, version),
                r.unknown(FIELDS));
    }

    @Override
    public ObjectNode dataJson() {
        FieldWriter w = FieldWriter.object();
        if (version.atLeast(SenseVersion.V0_0_8)) {
            w.put("deviceSN", deviceSn);
        } else {
            w.put("trackID", trackId);
        }
        if (version.atLeast(SenseVersion.V1_1_0)) {
            w.put("recognitionType", recognitionType);
        } else {
            w.put("recognizeStatus", recognizeStatus);
        }
        if (version.atLeast(SenseVersion.V1_3_0)) {
            w.put("entry_mode", entryMode).put("abnormal_type", abnormalType);
        }
        if (version.atLeast(SenseVersion.V1_2_1)) {
            w.put("uuid", uuid);
        }
        w.put("recognizeScore", recognizeScore);
        if (!version.atLeast(SenseVersion.V1_1_0)) {
            w.put("livenessScore", livenessScore);
        }
        w.put("mask", mask).put("mode", mode).put("rgb_image", rgbImage);
        if (version.atLeast(SenseVersion.V1_1_0)) {
            w.put("bodyTemperature", bodyTemperature);
        }
        w.put("pass", pass).put("timestamp", timestamp);
        if (user != null) {
            w.put("user", user.toJson(version));
        }
        return w.putAll(extra).build();
    }
}
