package io.gatehouse.protocol.sense;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.FieldWriter;
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

    private static final Set<String> FIELDS = Set.of("name", "user_id", "type", "ic_number", "job_number",
            "id_number", "guest_time_start", "guest_time_end", "remark", "pin", "groups");

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

    static SenseUser read(FieldReader r, SenseVersion version) throws DecodeException {
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
                r.unknown(FIELDS));
    }

    /** Writes the fields {@code version} has, in that version's types. */
    ObjectNode toJson(SenseVersion version) {
        FieldWriter w = FieldWriter.object().put("name", name);
        if (userId != null && !version.atLeast(SenseVersion.V1_2_1) && userId.matches("-?\\d{1,18}")) {
            w.put("user_id", Long.parseLong(userId));
        } else {
            w.put("user_id", userId);
        }
        w.put("type", type).put("ic_number", icNumber).put("job_number", jobNumber);
        if (version.atLeast(SenseVersion.V1_1_0)) {
            w.put("guest_time_start", guestTimeStart).put("guest_time_end", guestTimeEnd);
        }
        if (version.atLeast(SenseVersion.V1_2_1)) {
            w.put("id_number", idNumber).put("remark", remark);
            w.putObjects("groups", groups == null ? null : groups.stream().map(SenseGroup::toJson).toList());
        }
        if (version.atLeast(SenseVersion.V1_3_0)) {
            w.put("pin", pin);
        }
        return w.putAll(extra).build();
    }
}
