package io.gatehouse.protocol.sophon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.Dialect;
import io.gatehouse.protocol.Family;
import io.gatehouse.protocol.MessageKind;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.FieldWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configuration a client sends after connecting to port 5679; until it arrives the box sends nothing.
 * It names the cameras whose recognitions to stream and whether to include the face crop and the registered
 * photo (both default to false, the camera list to empty). A new configuration replaces the previous one.
 */
public record SophonConfig(
        SophonVersion version,
        Boolean withFaceImage,
        Boolean withRegisterImage,
        List<String> cameraIds,
        Map<String, JsonNode> extra) implements SophonMessage {

    private static final Set<String> V5_FIELDS = Set.of("need_face", "need_register", "event_list");
    private static final Set<String> V6_FIELDS = Set.of("with_face_image", "with_register_image", "media_device_ids");

    public SophonConfig {
        cameraIds = cameraIds == null ? null : List.copyOf(cameraIds);
        extra = extra == null ? Map.of() : extra;
    }

    public static SophonConfig of(SophonVersion version, boolean face, boolean register, List<String> cameras) {
        return new SophonConfig(version, face, register, cameras, Map.of());
    }

    public boolean wantsFace() {
        return Boolean.TRUE.equals(withFaceImage);
    }

    public boolean wantsRegistered() {
        return Boolean.TRUE.equals(withRegisterImage);
    }

    public List<String> cameras() {
        return cameraIds == null ? List.of() : cameraIds;
    }

    @Override
    public Dialect dialect() {
        return new Dialect(Family.SOPHON_SE, MessageKind.SOPHON_CONFIG, version.label());
    }

    static boolean isV6(JsonNode node) {
        return node.has("with_face_image") || node.has("with_register_image") || node.has("media_device_ids");
    }

    static SophonConfig read(FieldReader r) throws DecodeException {
        if (isV6(r.node())) {
            return new SophonConfig(SophonVersion.V6, r.optBoolean("with_face_image"), r.optBoolean("with_register_image"),
                    r.optStrings("media_device_ids"), r.unknown(V6_FIELDS));
        }
        return new SophonConfig(SophonVersion.V5, r.optBoolean("need_face"), r.optBoolean("need_register"),
                r.optStrings("event_list"), r.unknown(V5_FIELDS));
    }

    @Override
    public ObjectNode toJson() {
        FieldWriter w = FieldWriter.object();
        if (version == SophonVersion.V6) {
            w.put("with_face_image", withFaceImage).put("with_register_image", withRegisterImage)
                    .putStrings("media_device_ids", cameraIds);
        } else {
            w.put("need_face", withFaceImage).put("need_register", withRegisterImage).putStrings("event_list", cameraIds);
        }
        return w.putAll(extra).build();
    }
}
