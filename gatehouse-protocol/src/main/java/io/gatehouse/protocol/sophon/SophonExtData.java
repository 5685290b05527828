package io.gatehouse.protocol.sophon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.FieldWriter;
import java.util.Map;
import java.util.Set;

/**
 * The V5 event's {@code ext_data}: the camera's address and kind, the person type, and the face crop and
 * scene picture (base64; the scene is absent in greeter mode).
 */
public record SophonExtData(
        String deviceIp,
        String recognizeFace,
        String spotPic,
        Integer personType,
        String deviceType,
        Map<String, JsonNode> extra) {

    private static final Set<String> FIELDS = Set.of("device_ip", "recognize_face", "spot_pic", "person_type", "device_type");

    public SophonExtData {
        extra = extra == null ? Map.of() : extra;
    }

    /** The person type; the documents say an absent one means employee. */
    public SophonPersonType personTypeKnown() {
        return personType == null ? SophonPersonType.EMPLOYEE : SophonPersonType.ofCode(personType);
    }

    public SophonDeviceType deviceTypeKnown() {
        return deviceType == null ? null : SophonDeviceType.of(deviceType);
    }

    static SophonExtData read(FieldReader r) throws DecodeException {
        Integer personType = r.optInt("person_type");
        if (personType != null && SophonPersonType.ofCode(personType) == null) {
            r.notes().add(r.pathOf("person_type") + ": undocumented person type " + personType + " kept");
        }
        String deviceType = r.optString("device_type");
        if (deviceType != null && SophonDeviceType.of(deviceType) == null) {
            r.notes().add(r.pathOf("device_type") + ": undocumented device type " + deviceType + " kept");
        }
        return new SophonExtData(r.optString("device_ip"), r.optString("recognize_face"), r.optString("spot_pic"),
                personType, deviceType, r.unknown(FIELDS));
    }

    ObjectNode toJson() {
        return FieldWriter.object()
                .put("person_type", personType)
                .put("device_ip", deviceIp)
                .put("device_type", deviceType)
                .put("spot_pic", spotPic)
                .put("recognize_face", recognizeFace)
                .putAll(extra)
                .build();
    }
}
