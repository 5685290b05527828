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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The terminal's function settings, {@code GET/POST /v1/device/functions}. Every field is optional so that a
 * POST can carry only what changes; {@link #overlay} implements read-modify-write without clobbering settings
 * Gatehouse does not manage (unknown ones included).
 *
 * @param authMode                       0 local, 1 server decides, 2 reserved, 3 server identifies strangers
 * @param remoteAuthTimeoutToLocalAuth   minutes without a heartbeat answer before falling back to local, 0..60 (0 never)
 */
public record DeviceFunctions(
        Integer deviceRunType,
        Integer mode,
        Boolean strongHint,
        Integer avatarStatus,
        Integer nameStatus,
        Boolean record,
        Boolean recordImage,
        Boolean alarmRecord,
        Integer authMode,
        String remoteAuthenticationAddress,
        Integer remoteAuthTimeoutToLocalAuth,
        Map<String, JsonNode> extra) implements SenseMessage {

    public static final int MAX_TIMEOUT_TO_LOCAL_MINUTES = 60;
    public static final String AUTH_EVENT_ADDRESS = "auth_event_address";
    private static final Set<String> FIELDS = Set.of("device_run_type", "mode", "strong_hint", "avatar_status",
            "name_status", "record", "record_image", "alarm_record", "auth_mode", "remote_authentication_address",
            "remote_auth_timeout_to_local_auth");

    public DeviceFunctions {
        extra = extra == null ? Map.of() : extra;
    }

    /** Only the remote-authorization settings, as a POST body. */
    public static DeviceFunctions remoteAuthorization(AuthMode mode, String address, int timeoutToLocalMinutes) {
        return new DeviceFunctions(null, null, null, null, null, null, null, null, mode.code(), address,
                timeoutToLocalMinutes, Map.of());
    }

    /**
     * {@code auth_event_address}: seed 000 says the record-push address of the deprecated
     * {@code /v1/event/subscribe} moved into {@code /v1/device/functions} under this name, but no document shows
     * its type or an example. It is kept as sent (among the unknown fields) and read here as text.
     */
    public String authEventAddress() {
        JsonNode value = extra.get(AUTH_EVENT_ADDRESS);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    public AuthMode authModeKnown() {
        return authMode == null ? null : AuthMode.of(authMode);
    }

    /** These settings with every non-null field of {@code changes} applied on top. */
    public DeviceFunctions overlay(DeviceFunctions changes) {
        Map<String, JsonNode> mergedExtra = new LinkedHashMap<>(extra);
        mergedExtra.putAll(changes.extra);
        return new DeviceFunctions(
                pick(changes.deviceRunType, deviceRunType),
                pick(changes.mode, mode),
                pick(changes.strongHint, strongHint),
                pick(changes.avatarStatus, avatarStatus),
                pick(changes.nameStatus, nameStatus),
                pick(changes.record, record),
                pick(changes.recordImage, recordImage),
                pick(changes.alarmRecord, alarmRecord),
                pick(changes.authMode, authMode),
                pick(changes.remoteAuthenticationAddress, remoteAuthenticationAddress),
                pick(changes.remoteAuthTimeoutToLocalAuth, remoteAuthTimeoutToLocalAuth),
                Map.copyOf(mergedExtra));
    }

    /** True when every field set in {@code wanted} has the same value here. */
    public boolean satisfies(DeviceFunctions wanted) {
        return overlay(wanted).equals(this);
    }

    /** Why the terminal would refuse these settings, or {@code null} when they are acceptable. */
    public String problem() {
        if (authMode != null && (AuthMode.of(authMode) == null || authMode == AuthMode.RESERVED.code())) {
            return "auth_mode " + authMode + " is not supported (0, 1 or 3)";
        }
        if (remoteAuthTimeoutToLocalAuth != null
                && (remoteAuthTimeoutToLocalAuth < 0 || remoteAuthTimeoutToLocalAuth > MAX_TIMEOUT_TO_LOCAL_MINUTES)) {
            return "remote_auth_timeout_to_local_auth must be 0..60 minutes";
        }
        if (deviceRunType != null && deviceRunType != 1 && deviceRunType != 2) {
            return "device_run_type must be 1 (run) or 2 (stop)";
        }
        if (remoteAuthenticationAddress != null && !remoteAuthenticationAddress.isEmpty()) {
            String problem = new SubscribeConfig(remoteAuthenticationAddress, true).problem();
            if (problem != null) {
                return problem.replace("event_dest", "remote_authentication_address");
            }
        }
        return null;
    }

    private static <T> T pick(T change, T current) {
        return change != null ? change : current;
    }

    @Override
    public Dialect dialect() {
        return new Dialect(Family.SENSE_PASS, MessageKind.DEVICE_FUNCTIONS, Dialect.ANY_VERSION);
    }

    static DeviceFunctions read(FieldReader r) throws DecodeException {
        return new DeviceFunctions(
                r.optInt("device_run_type"),
                r.optInt("mode"),
                r.optBoolean("strong_hint"),
                r.optInt("avatar_status"),
                r.optInt("name_status"),
                r.optBoolean("record"),
                r.optBoolean("record_image"),
                r.optBoolean("alarm_record"),
                Coded.read(r, "auth_mode", AuthMode::of),
                r.optString("remote_authentication_address"),
                r.optInt("remote_auth_timeout_to_local_auth"),
                r.unknown(FIELDS));
    }

    @Override
    public ObjectNode toJson() {
        return FieldWriter.object()
                .put("device_run_type", deviceRunType)
                .put("mode", mode)
                .put("strong_hint", strongHint)
                .put("avatar_status", avatarStatus)
                .put("name_status", nameStatus)
                .put("record", record)
                .put("record_image", recordImage)
                .put("alarm_record", alarmRecord)
                .put("auth_mode", authMode)
                .put("remote_authentication_address", remoteAuthenticationAddress)
                .put("remote_auth_timeout_to_local_auth", remoteAuthTimeoutToLocalAuth)
                .putAll(extra)
                .build();
    }
}
