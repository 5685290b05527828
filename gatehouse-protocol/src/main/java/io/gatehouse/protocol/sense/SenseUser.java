package io.gatehouse.protocol.sense;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.FieldWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The library person attached to a record or a remote-authorization request ({@code user}); all fields
 * empty ({@code {}}) for a stranger. {@code userId} is kept as text: it was an integer until v1.2.1 and is a
 * string since, and is written back in the type of the version.
 *
 * @param guestTimeStart visitor window start, Unix milliseconds (0 when none)
 * @param guestTimeEnd   visitor window end, Unix milliseconds (0 when none)
 */
public record SenseUser(
        String name,
        String userId,
        Integer type,
        String icNumber,
        String jobNumber,
        String idNumber,
        Long guestTimeStart,
        Long guestTimeEnd,
        String remark,
        String pin,
        List<SenseGroup> groups,
        Map<String, JsonNode> extra) {

    /** The user fields each version sends; a field of another version is kept as sent. */
    private static final Map<SenseVersion, Set<String>> FIELDS = fieldsByVersion();
    private static final Set<String> ALL_FIELDS = FIELDS.get(SenseVersion.V1_3_0);

    private static Map<SenseVersion, Set<String>> fieldsByVersion() {
        Set<String> old = Set.of("name", "user_id", "type", "ic_number", "job_number");
        Set<String> v110 = SenseRecognition.plus(old, "guest_time_start", "guest_time_end");
        Set<String> v121 = SenseRecognition.plus(v110, "id_number", "remark", "groups");
        Map<SenseVersion, Set<String>> fields = new EnumMap<>(SenseVersion.class);
        fields.put(SenseVersion.V0_0_1, old);
        fields.put(SenseVersion.V0_0_8, old);
        fields.put(SenseVersion.V1_1_0, v110);
        fields.put(SenseVersion.V1_2_1, v121);
        fields.put(SenseVersion.V1_3_0, SenseRecognition.plus(v121, "pin"));
        return fields;
    }

    public SenseUser {
        groups = groups == null ? null : List.copyOf(groups);
        extra = extra == null ? Map.of() : extra;
    }

    public static final SenseUser STRANGER = new SenseUser(null, null, null, null, null, null, null, null, null,
            null, null, Map.of());

    /** True when the terminal sent no identity ({@code user: {}}), as it does for strangers. */
    public boolean isEmpty() {
        return name == null && userId == null && type == null && icNumber == null && jobNumber == null
                && idNumber == null && extra.isEmpty();
    }

    /** The person's type as {@code version} defines the code, or {@code null} when absent or undocumented. */
    public SenseUserType userType(SenseVersion version) {
        return type == null ? null : SenseUserType.of(type, version);
    }

    static SenseUser read(FieldReader all, SenseVersion version) throws DecodeException {
        FieldReader r = all.limitedTo(FIELDS.get(version));
        Integer type = r.optInt("type");
        if (type != null && SenseUserType.of(type, version) == null) {
            r.notes().add(r.pathOf("type") + ": user type " + type + " is undocumented in " + version.label() + ", kept");
        }
        return new SenseUser(
                r.optString("name"),
                r.optString("user_id"),
                type,
                r.optString("ic_number"),
                r.optString("job_number"),
                r.optString("id_number"),
                r.optLong("guest_time_start"),
                r.optLong("guest_time_end"),
                r.optString("remark"),
                r.optString("pin"),
                r.optObjects("groups", SenseGroup::read),
                r.unknown(FIELDS.get(version), ALL_FIELDS, version.label()));
    }

    /**
     * Writes the fields {@code version} has, in that version's types and in the order the documents show:
     * up to v1.1.0 {@code name, user_id, type, ...}; from v1.2.1 the order of the WebSocket document (seed 002).
     * {@code user_id} is a number before v1.2.1 when it is one.
     */
    ObjectNode toJson(SenseVersion version) {
        FieldWriter w = FieldWriter.object().put("name", name);
        if (!version.atLeast(SenseVersion.V1_2_1)) {
            putUserId(w, version).put("type", type).put("ic_number", icNumber).put("job_number", jobNumber);
            if (version.atLeast(SenseVersion.V1_1_0)) {
                w.put("guest_time_start", guestTimeStart).put("guest_time_end", guestTimeEnd);
            }
            return w.putAll(extra).build();
        }
        w.put("ic_number", icNumber).put("id_number", idNumber).put("job_number", jobNumber);
        if (version.atLeast(SenseVersion.V1_3_0)) {
            w.put("pin", pin);
        }
        putUserId(w, version).put("remark", remark).put("guest_time_start", guestTimeStart)
                .put("guest_time_end", guestTimeEnd).put("type", type)
                .putObjects("groups", groups == null ? null : groups.stream().map(SenseGroup::toJson).toList());
        return w.putAll(extra).build();
    }

    private FieldWriter putUserId(FieldWriter w, SenseVersion version) {
        if (userId != null && !version.atLeast(SenseVersion.V1_2_1) && userId.matches("0|-?[1-9]\\d{0,17}")) {
            return w.put("user_id", Long.parseLong(userId));
        }
        return w.put("user_id", userId);
    }
}
