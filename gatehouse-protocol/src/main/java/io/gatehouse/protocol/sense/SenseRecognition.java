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
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
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

    /** The fields each version's records carry; a field of another version is kept as sent. */
    private static final Map<SenseVersion, Set<String>> FIELDS = fieldsByVersion();
    private static final Set<String> ALL_FIELDS = plus(FIELDS.get(SenseVersion.V1_3_0), "trackID", "recognizeStatus",
            "livenessScore");

    private static Map<SenseVersion, Set<String>> fieldsByVersion() {
        Set<String> old = Set.of("recognizeStatus", "recognizeScore", "livenessScore", "mask", "rgb_image", "pass",
                "mode", "user", "timestamp");
        Set<String> v110 = Set.of("deviceSN", "recognitionType", "recognizeScore", "mask", "mode", "rgb_image",
                "bodyTemperature", "pass", "timestamp", "user");
        Map<SenseVersion, Set<String>> fields = new EnumMap<>(SenseVersion.class);
        fields.put(SenseVersion.V0_0_1, plus(old, "trackID"));
        fields.put(SenseVersion.V0_0_8, plus(old, "deviceSN"));
        fields.put(SenseVersion.V1_1_0, v110);
        fields.put(SenseVersion.V1_2_1, plus(v110, "uuid"));
        fields.put(SenseVersion.V1_3_0, plus(v110, "uuid", "entry_mode", "abnormal_type"));
        return fields;
    }

    static Set<String> plus(Set<String> base, String... more) {
        Set<String> all = new HashSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

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

    /**
     * Tells the version from the fields a record carries: each version added fields the older ones lack, so
     * the newest version one of whose fields is present wins. Without any, a record with {@code trackID} and
     * no {@code deviceSN} is v0.0.1, and anything else the oldest shape with a serial, v0.0.8.
     */
    static SenseVersion detectVersion(JsonNode data) {
        JsonNode user = data.path("user");
        if (hasAny(data, "entry_mode", "abnormal_type") || hasAny(user, "pin")) {
            return SenseVersion.V1_3_0;
        }
        if (hasAny(data, "uuid") || hasAny(user, "groups", "id_number", "remark")) {
            return SenseVersion.V1_2_1;
        }
        if (hasAny(data, "recognitionType", "bodyTemperature") || hasAny(user, "guest_time_start", "guest_time_end")) {
            return SenseVersion.V1_1_0;
        }
        if (hasAny(data, "trackID") && !hasAny(data, "deviceSN")) {
            return SenseVersion.V0_0_1;
        }
        return SenseVersion.V0_0_8;
    }

    static boolean hasAny(JsonNode node, String... names) {
        for (String name : names) {
            if (node.hasNonNull(name)) {
                return true;
            }
        }
        return false;
    }

    static SenseRecognition read(FieldReader all) throws DecodeException {
        SenseVersion version = detectVersion(all.node());
        FieldReader r = all.limitedTo(FIELDS.get(version));
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
                r.unknown(FIELDS.get(version), ALL_FIELDS, version.label()));
    }

    /**
     * The {@code data} object in the shape of {@link #version}: its fields only, in the order the documents
     * show them (seed 000 for v0.0.1, seed 001 for v0.0.8, seed 002 and the samples for v1.x). Fields of
     * other versions are not written; unknown fields the reader kept are, at the end.
     */
    @Override
    public ObjectNode dataJson() {
        FieldWriter w = FieldWriter.object();
        if (version.atLeast(SenseVersion.V1_1_0)) {
            w.put("deviceSN", deviceSn).put("recognitionType", recognitionType);
            if (version.atLeast(SenseVersion.V1_3_0)) {
                w.put("entry_mode", entryMode).put("abnormal_type", abnormalType);
            }
            if (version.atLeast(SenseVersion.V1_2_1)) {
                w.put("uuid", uuid);
            }
            w.put("recognizeScore", recognizeScore).put("mask", mask).put("mode", mode).put("rgb_image", rgbImage)
                    .put("bodyTemperature", bodyTemperature).put("pass", pass).put("timestamp", timestamp);
            if (user != null) {
                w.put("user", user.toJson(version));
            }
        } else {
            w.put("recognizeStatus", recognizeStatus);
            if (version == SenseVersion.V0_0_1) {
                w.put("trackID", trackId);
            } else {
                w.put("deviceSN", deviceSn);
            }
            w.put("recognizeScore", recognizeScore).put("livenessScore", livenessScore).put("mask", mask)
                    .put("rgb_image", rgbImage).put("pass", pass).put("mode", mode);
            if (user != null) {
                w.put("user", user.toJson(version));
            }
            w.put("timestamp", timestamp);
        }
        return w.putAll(extra).build();
    }
}
