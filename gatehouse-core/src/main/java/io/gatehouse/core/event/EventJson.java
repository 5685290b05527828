package io.gatehouse.core.event;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.Coded;
import java.time.Instant;

/**
 * The JSON view of a neutral event, as the inspect command prints it and the API serves it. Images appear as
 * kind, media type, size and SHA-256, never as bytes; interpreted codes appear as their name with the raw
 * code beside them.
 */
public final class EventJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EventJson() {
    }

    public static ObjectNode render(DeviceEvent event) {
        // Java 17 has no pattern switch; the sealed interface has exactly these two
        return event instanceof AccessEvent access ? access(access) : alarm((AlarmEvent) event);
    }

    private static ObjectNode access(AccessEvent e) {
        ObjectNode node = NODES.objectNode();
        node.put("type", "access");
        node.put("kind", e.kind().name());
        node.put("dedupeKey", e.dedupeKey());
        node.set("source", source(e.source()));
        putIfPresent(node, "deviceEventId", e.deviceEventId());
        node.put("occurredAt", e.occurredAt().toString());
        node.set("person", person(e.person()));
        node.set("outcome", outcome(e.outcome()));
        ObjectNode scores = node.putObject("scores");
        putIfPresent(scores, "recognition", e.scores().recognition());
        putIfPresent(scores, "liveness", e.scores().liveness());
        putIfPresent(scores, "rawRecognition", e.scores().rawRecognition());
        scores.put("rawScale", e.scores().rawScale());
        putIfPresent(node, "mask", e.mask() == null ? null : e.mask().name());
        putIfPresent(node, "bodyTemperature", e.bodyTemperature());
        node.set("images", images(e));
        return node;
    }

    private static ObjectNode alarm(AlarmEvent e) {
        ObjectNode node = NODES.objectNode();
        node.put("type", "alarm");
        node.put("dedupeKey", e.dedupeKey());
        node.set("source", source(e.source()));
        node.put("traceId", e.traceId());
        node.put("occurredAt", e.occurredAt().toString());
        node.set("code", coded(e.code(), e.rawCode()));
        node.set("status", coded(e.status(), e.rawStatus()));
        putIfPresent(node, "description", e.description());
        putIfPresent(node, "userId", e.userId());
        node.set("images", images(e));
        return node;
    }

    private static ObjectNode source(EventSource s) {
        ObjectNode node = NODES.objectNode();
        node.put("family", s.family().label());
        node.put("deviceSerial", s.deviceSerial());
        putIfPresent(node, "cameraId", s.cameraId());
        putIfPresent(node, "deviceAddress", s.deviceAddress());
        node.put("dialect", s.dialect().toString());
        return node;
    }

    private static ObjectNode person(Person p) {
        ObjectNode node = NODES.objectNode();
        putIfPresent(node, "id", p.id());
        putIfPresent(node, "name", p.name());
        node.put("type", p.type().name());
        if (!p.cards().isEmpty()) {
            ArrayNode cards = node.putArray("cards");
            p.cards().forEach(cards::add);
        }
        putIfPresent(node, "jobNumber", p.jobNumber());
        putIfPresent(node, "idNumber", p.idNumber());
        if (!p.groups().isEmpty()) {
            ArrayNode groups = node.putArray("groups");
            p.groups().forEach(g -> {
                ObjectNode group = groups.addObject();
                putIfPresent(group, "id", g.id());
                putIfPresent(group, "name", g.name());
            });
        }
        if (p.visitorWindow() != null) {
            ObjectNode window = node.putObject("visitorWindow");
            putIfPresent(window, "from", p.visitorWindow().from());
            putIfPresent(window, "until", p.visitorWindow().until());
        }
        putIfPresent(node, "remark", p.remark());
        return node;
    }

    private static ObjectNode outcome(Outcome o) {
        ObjectNode node = NODES.objectNode();
        putIfPresent(node, "passed", o.passed());
        if (o.rawVerification() != null) {
            ObjectNode mode = node.putObject("verification");
            putIfPresent(mode, "mode", o.verification() == null ? null : o.verification().name());
            putIfPresent(mode, "meaning", o.verification() == null ? "undocumented" : o.verification().meaning());
            mode.put("code", o.rawVerification());
        }
        if (o.rawEntry() != null) {
            node.set("entry", coded(o.entry(), o.rawEntry()));
        }
        if (o.rawAbnormal() != null) {
            node.set("abnormal", coded(o.abnormal(), o.rawAbnormal()));
        }
        return node;
    }

    private static <E extends Enum<E> & Coded> ObjectNode coded(E value, int raw) {
        ObjectNode node = NODES.objectNode();
        node.put("name", value == null ? "UNDOCUMENTED" : value.name());
        node.put("meaning", value == null ? "undocumented code" : value.meaning());
        node.put("code", raw);
        return node;
    }

    private static ArrayNode images(DeviceEvent e) {
        ArrayNode images = NODES.arrayNode();
        for (EventImage image : e.images()) {
            ObjectNode node = images.addObject();
            node.put("kind", image.kind().name());
            node.put("mediaType", image.mediaType());
            node.put("size", image.size());
            node.put("sha256", image.sha256());
        }
        return images;
    }

    private static void putIfPresent(ObjectNode node, String name, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof String s) {
            node.put(name, s);
        } else if (value instanceof Boolean b) {
            node.put(name, b);
        } else if (value instanceof Double d) {
            node.put(name, d);
        } else if (value instanceof Instant i) {
            node.put(name, i.toString());
        } else {
            node.put(name, value.toString());
        }
    }
}
