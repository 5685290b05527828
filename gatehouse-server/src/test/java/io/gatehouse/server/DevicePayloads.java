package io.gatehouse.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.core.event.DeviceEvent;
import io.gatehouse.core.normalize.EventNormalizer;
import io.gatehouse.core.normalize.Origin;
import io.gatehouse.core.store.Channel;
import io.gatehouse.core.store.Ingested;
import io.gatehouse.protocol.ProtocolCodec;
import io.gatehouse.protocol.json.DecodeException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Random;

/**
 * Device payloads as terminals send them (record push v1.3.0: a recognition with a face snapshot, an alarm), run
 * through the real codec and normalizer, so that the store sees exactly what a receiver would hand it.
 */
public final class DevicePayloads {
    public static final String SERIAL = "PSC700C0MC22F02542";
    public static final String DEVICE_ID = "door-1";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DevicePayloads() {
    }

    /** A terminal's v1.3.0 recognition push. */
    public static ObjectNode recognition(String serial, String uuid, String userId, String name, boolean pass,
                                         Instant at, byte[] snapshot) {
        ObjectNode push = NODES.objectNode();
        push.put("type", 0);
        ObjectNode data = push.putObject("data");
        data.put("deviceSN", serial);
        data.put("recognitionType", 1);
        data.put("entry_mode", 1);
        data.put("abnormal_type", 0);
        data.put("uuid", uuid);
        data.put("recognizeScore", 0.93);
        data.put("mask", 0);
        data.put("mode", 3);
        data.put("rgb_image", snapshot == null ? "" : Base64.getEncoder().encodeToString(snapshot));
        data.put("bodyTemperature", 0.0);
        data.put("pass", pass);
        data.put("timestamp", at.getEpochSecond());
        ObjectNode user = data.putObject("user");
        user.put("name", name);
        user.put("user_id", userId);
        user.put("type", 1);
        return push;
    }

    /** A terminal's v1.3.0 remote-authorization request: asked before the door opens. */
    public static ObjectNode authorizationRequest(String serial, String userId, String name, Instant at, byte[] face) {
        ObjectNode request = NODES.objectNode();
        request.put("deviceSN", serial);
        request.put("recognizeStatus", 2);
        request.put("recognizeScore", 0.92);
        request.put("entry_mode", 1);
        request.put("mask", 0);
        request.put("rgb_image", Base64.getEncoder().encodeToString(face));
        request.put("bodyTemperature", 0.0);
        request.put("timestamp", at.getEpochSecond());
        request.put("qrcode_content", "");
        ObjectNode user = request.putObject("user");
        user.put("name", name);
        user.put("user_id", userId);
        user.put("type", 1);
        return request;
    }

    /** A terminal's v1.3.0 alarm push (type 1). */
    public static ObjectNode alarm(String traceId, int code, int status, Instant at, byte[] photo) {
        ObjectNode push = NODES.objectNode();
        push.put("type", 1);
        ObjectNode data = push.putObject("data");
        data.put("trace_id", traceId);
        data.put("description", "tamper switch opened");
        data.put("code", code);
        data.put("event_time", at.toEpochMilli());
        data.put("status", status);
        if (photo != null) {
            data.put("alarm_photo", Base64.getEncoder().encodeToString(photo));
        }
        return push;
    }

    /** What a receiver hands the store for {@code payload}, received at {@code receivedAt}. */
    public static Ingested ingested(JsonNode payload, String serial, Channel channel, Instant receivedAt) {
        return ingested(payload, serial, DEVICE_ID, channel, receivedAt);
    }

    /** The same, delivered by the registered device {@code deviceId}. */
    public static Ingested ingested(JsonNode payload, String serial, String deviceId, Channel channel,
                                    Instant receivedAt) {
        try {
            ProtocolCodec codec = ProtocolCodec.standard();
            JsonNode tree = codec.parse(payload.toString().getBytes(StandardCharsets.UTF_8));
            DeviceEvent event = EventNormalizer.standard()
                    .normalize(codec.decode(tree).message(), tree, new Origin(serial, "127.0.1.7"));
            return new Ingested(event, deviceId, channel, receivedAt);
        } catch (DecodeException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A live recognition pushed now, by person {@code userId}, with its own face snapshot. */
    public static Ingested pushed(String uuid, String userId, String name, boolean pass, Instant at) {
        return ingested(recognition(SERIAL, uuid, userId, name, pass, at, jpeg(2_000, uuid.hashCode())),
                SERIAL, Channel.RECORD_PUSH, at.plusMillis(300));
    }

    public static String sha256(byte[] bytes) {
        return io.gatehouse.core.event.EventImage.sha256Hex(bytes);
    }

    /** Bytes that sniff as a JPEG: the SOI marker, {@code size} pseudo-random bytes from {@code seed}, EOI. */
    public static byte[] jpeg(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        bytes[3] = (byte) 0xE0;
        bytes[size - 2] = (byte) 0xFF;
        bytes[size - 1] = (byte) 0xD9;
        return bytes;
    }
}
