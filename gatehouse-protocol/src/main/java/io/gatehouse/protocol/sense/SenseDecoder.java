package io.gatehouse.protocol.sense;

import io.gatehouse.protocol.MessageKind;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;

/** Reads a terminal message once its kind is known; the version is told by each message's own fields. */
public final class SenseDecoder {
    private SenseDecoder() {
    }

    public static SenseMessage read(MessageKind kind, FieldReader r) throws DecodeException {
        return switch (kind) {
            case RECOGNITION, ALARM, UNKNOWN_EVENT -> readEvent(r);
            case REMOTE_AUTH_REQUEST -> RemoteAuthRequest.read(r);
            case REMOTE_AUTH_ANSWER -> RemoteAuthAnswer.read(r);
            case PUSH_ANSWER -> PushAnswer.read(r);
            case SUBSCRIBE_CONFIG -> SubscribeConfig.read(r);
            case DEVICE_FUNCTIONS -> DeviceFunctions.read(r);
            case RECORDS_QUERY -> RecordsQuery.read(r);
            case RECORDS_PAGE -> RecordsPage.read(r);
            case LOGIN_REQUEST -> LoginRequest.read(r);
            case LOGIN_ANSWER -> LoginAnswer.read(r);
            case DOOR_COMMAND -> DoorCommand.read(r);
            case ENVELOPE -> SenseEnvelope.read(r);
            default -> throw new IllegalArgumentException(kind + " is not a terminal message");
        };
    }

    /** Reads the {@code {type, data}} wrapper of a pushed or streamed event. */
    public static SenseEvent readEvent(FieldReader r) throws DecodeException {
        int type = r.intValue("type");
        return switch (type) {
            case SenseEvent.TYPE_RECOGNITION -> SenseRecognition.read(r.object("data"));
            case SenseEvent.TYPE_ALARM -> SenseAlarm.read(r.object("data"));
            default -> {
                r.notes().add(r.pathOf("type") + ": undocumented event type " + type + " kept whole");
                yield new SenseUnknownEvent(type, r.node().path("data"));
            }
        };
    }

    /** Reads a bare recognition record, as {@code /v1/event/records} lists them. */
    public static SenseRecognition readRecord(FieldReader r) throws DecodeException {
        return SenseRecognition.read(r);
    }

    /** Reads settings from a {@code GET /v1/device/functions} answer's {@code data}. */
    public static DeviceFunctions readFunctions(FieldReader r) throws DecodeException {
        return DeviceFunctions.read(r);
    }

    /** Reads settings from a {@code GET /v1/event/subscribe} answer's {@code data}. */
    public static SubscribeConfig readSubscribe(FieldReader r) throws DecodeException {
        return SubscribeConfig.read(r);
    }
}
