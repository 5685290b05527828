package io.gatehouse.core.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.core.event.DeviceEvent;
import io.gatehouse.protocol.DeviceMessage;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.DecodeLimits;
import io.gatehouse.protocol.sense.RemoteAuthRequest;
import io.gatehouse.protocol.sense.SenseAlarm;
import io.gatehouse.protocol.sense.SenseRecognition;
import io.gatehouse.protocol.sophon.SophonEventV5;
import io.gatehouse.protocol.sophon.SophonEventV6;

/**
 * Makes the neutral {@link DeviceEvent} from any decoded device message that reports something: terminal
 * records, alarms and remote-authorization requests, SE-box events of either version. Images are decoded
 * here (bounded by {@link DecodeLimits#maxImageBytes()}); an invalid one is a {@link DecodeException}
 * naming its field.
 */
public final class EventNormalizer {
    private final SenseNormalizer sense;
    private final SophonNormalizer sophon;

    public EventNormalizer(DecodeLimits limits) {
        this.sense = new SenseNormalizer(limits.maxImageBytes());
        this.sophon = new SophonNormalizer(limits.maxImageBytes());
    }

    public static EventNormalizer standard() {
        return new EventNormalizer(DecodeLimits.DEFAULT);
    }

    /** True for the messages that {@link #normalize} turns into an event. */
    public static boolean reportsEvent(DeviceMessage message) {
        return message instanceof SenseRecognition || message instanceof SenseAlarm
                || message instanceof RemoteAuthRequest || message instanceof SophonEventV5
                || message instanceof SophonEventV6;
    }

    /**
     * @param original the payload the message was decoded from, kept in the event for forensics
     * @throws IllegalArgumentException for a message that reports no event (configuration, answers)
     */
    public DeviceEvent normalize(DeviceMessage message, JsonNode original, Origin origin) throws DecodeException {
        if (message instanceof SenseRecognition r) {
            return sense.recognition(r, original, origin);
        } else if (message instanceof SenseAlarm a) {
            return sense.alarm(a, original, origin);
        } else if (message instanceof RemoteAuthRequest q) {
            return sense.authorizationRequest(q, original, origin);
        } else if (message instanceof SophonEventV5 e) {
            return sophon.v5(e, original, origin);
        } else if (message instanceof SophonEventV6 e) {
            return sophon.v6(e, original, origin);
        }
        throw new IllegalArgumentException(message.dialect() + " reports no event");
    }
}
