package io.gatehouse.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.core.store.StoredEvent;

/**
 * The API's JSON of a stored event: the hub's facts (sequence number, device, channel, times, lateness) followed by
 * the neutral event's own view, each image with the URL it is served at. The forensic payload only with one event.
 */
public final class EventViews {
    static final String IMAGES_PATH = "/api/images/";

    private EventViews() {
    }

    public static ObjectNode json(StoredEvent event, boolean withPayload) {
        ObjectNode node = ApiResponses.JSON.createObjectNode();
        node.put("seq", event.seq());
        node.put("deviceId", event.deviceId());
        node.put("channel", event.channel().name());
        node.put("receivedAt", event.receivedAt().toString());
        node.put("late", event.late());
        if (event.late()) {
            node.put("lateBySeconds", event.lateBy().toMillis() / 1000.0);
        }
        node.setAll(event.view());
        for (JsonNode image : node.path("images")) {
            ((ObjectNode) image).put("url", IMAGES_PATH + image.path("sha256").asText());
        }
        if (withPayload) {
            node.set("payload", event.payload());
        }
        return node;
    }
}
