package io.gatehouse.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.sense.SenseEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells from a payload's field names which documented message it is. The rules run from the most to the
 * least distinctive shape; the firmware version is told afterwards by the message's own reader.
 */
public final class DialectDetector {
    private DialectDetector() {
    }

    public static MessageKind detect(JsonNode root) throws DecodeException {
        if (!root.isObject()) {
            throw new DecodeException("", "expected a JSON object, found " + root.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
        }
        JsonNode data = root.path("data");
        if (root.has("type") && root.has("data")) {
            // the event wrapper; its reader names a data that is not an object, or a type that is no number
            return root.path("type").asInt(-1) == SenseEvent.TYPE_ALARM ? MessageKind.ALARM : MessageKind.RECOGNITION;
        }
        if (root.has("code") && (root.has("msg") || root.has("message") || root.has("data"))) {
            return envelopeKind(root, data);
        }
        if (data.has("devices_list")) {
            return MessageKind.SOPHON_DEVICE_LIST;
        }
        if (root.has("deviceSN") || root.has("trackID")) {
            boolean record = root.has("pass") || root.has("mode") || root.has("uuid") || root.has("trackID");
            return record && !root.has("qrcode_content") ? MessageKind.RECOGNITION : MessageKind.REMOTE_AUTH_REQUEST;
        }
        if (root.has("event_dest")) {
            return MessageKind.SUBSCRIBE_CONFIG;
        }
        if (hasAny(root, "auth_mode", "device_run_type", "remote_authentication_address",
                "remote_auth_timeout_to_local_auth", "strong_hint", "record_image", "alarm_record")) {
            return MessageKind.DEVICE_FUNCTIONS;
        }
        if (root.has("username") && root.has("password")) {
            return MessageKind.LOGIN_REQUEST;
        }
        if (root.has("open_mode")) {
            return MessageKind.DOOR_COMMAND;
        }
        if (hasAny(root, "need_face", "need_register", "event_list", "with_face_image", "with_register_image",
                "media_device_ids")) {
            return MessageKind.SOPHON_CONFIG;
        }
        if (hasAny(root, "identity_id", "ext_data", "device_id", "media_device_id", "media_device_ip", "user_type",
                "recognize_face_image", "register_image")) {
            return MessageKind.SOPHON_EVENT;
        }
        if (hasAny(root, "begin_time", "end_time", "limit", "sort", "offset")) {
            return MessageKind.RECORDS_QUERY;
        }
        throw new DecodeException("", "not a documented device message; its fields are " + fieldNames(root));
    }

    private static MessageKind envelopeKind(JsonNode root, JsonNode data) {
        if (data.has("token")) {
            return MessageKind.LOGIN_ANSWER;
        }
        if (data.has("items")) {
            return MessageKind.RECORDS_PAGE;
        }
        if (data.has("pass")) {
            boolean authAnswer = hasAny(data, "user_id", "user_name", "verify_code", "verify_score", "ic_number");
            return authAnswer || (root.has("msg") && !root.has("message") && !"success".equals(root.path("msg").asText()))
                    ? MessageKind.REMOTE_AUTH_ANSWER
                    : MessageKind.PUSH_ANSWER;
        }
        return MessageKind.ENVELOPE;
    }

    private static boolean hasAny(JsonNode node, String... names) {
        for (String name : names) {
            if (node.has(name)) {
                return true;
            }
        }
        return false;
    }

    private static String fieldNames(JsonNode root) {
        List<String> names = new ArrayList<>();
        root.fieldNames().forEachRemaining(name -> {
            if (names.size() < 12) {
                names.add(name.length() > 40 ? name.substring(0, 40) + "..." : name);
            }
        });
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
