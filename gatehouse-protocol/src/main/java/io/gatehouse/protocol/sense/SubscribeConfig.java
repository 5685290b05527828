package io.gatehouse.protocol.sense;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.Dialect;
import io.gatehouse.protocol.Family;
import io.gatehouse.protocol.MessageKind;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.FieldWriter;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The record-push configuration, {@code GET/POST /v1/event/subscribe}. {@code eventDest} is the receiver URL:
 * http or https, at most 1024 characters; the receiver gets no credentials.
 */
public record SubscribeConfig(String eventDest, Boolean enabled) implements SenseMessage {
    public static final int MAX_EVENT_DEST_LENGTH = 1024;

    @Override
    public Dialect dialect() {
        return new Dialect(Family.SENSE_PASS, MessageKind.SUBSCRIBE_CONFIG, Dialect.ANY_VERSION);
    }

    /** Why the terminal would refuse this configuration, or {@code null} when it is acceptable. */
    public String problem() {
        if (eventDest == null || eventDest.isBlank()) {
            return "event_dest is required";
        }
        if (eventDest.length() > MAX_EVENT_DEST_LENGTH) {
            return "event_dest is longer than " + MAX_EVENT_DEST_LENGTH + " characters";
        }
        try {
            URI uri = new URI(eventDest);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return "event_dest must be an http:// or https:// URL";
            }
            if (uri.getHost() == null) {
                return "event_dest has no host";
            }
        } catch (URISyntaxException e) {
            return "event_dest is not a URL: " + e.getReason();
        }
        return null;
    }

    static SubscribeConfig read(FieldReader r) throws DecodeException {
        return new SubscribeConfig(r.optString("event_dest"), r.optBoolean("enabled"));
    }

    @Override
    public ObjectNode toJson() {
        return FieldWriter.object().put("event_dest", eventDest).put("enabled", enabled).build();
    }
}
