package io.gatehouse.core.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.core.event.AccessEvent;
import io.gatehouse.core.event.AlarmEvent;
import io.gatehouse.core.event.EventKind;
import io.gatehouse.core.event.EventSource;
import io.gatehouse.core.event.Group;
import io.gatehouse.core.event.ImageKind;
import io.gatehouse.core.event.Outcome;
import io.gatehouse.core.event.Person;
import io.gatehouse.core.event.PersonType;
import io.gatehouse.core.event.Scores;
import io.gatehouse.core.event.ValidityWindow;
import io.gatehouse.protocol.Family;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.sense.AlarmCode;
import io.gatehouse.protocol.sense.AlarmStatus;
import io.gatehouse.protocol.sense.MaskState;
import io.gatehouse.protocol.sense.RecognitionType;
import io.gatehouse.protocol.sense.RecognizeStatus;
import io.gatehouse.protocol.sense.RemoteAuthRequest;
import io.gatehouse.protocol.sense.SenseAlarm;
import io.gatehouse.protocol.sense.SenseRecognition;
import io.gatehouse.protocol.sense.SenseUser;
import io.gatehouse.protocol.sense.SenseUserType;
import io.gatehouse.protocol.sense.SenseVersion;
import java.time.Instant;
import java.util.List;

/** Turns the terminal's records, remote-authorization requests and alarms into the neutral model. */
final class SenseNormalizer {
    /** Record times are Unix seconds; a value this large can only be milliseconds sent by mistake. */
    private static final long SECONDS_CEILING = 100_000_000_000L;

    private final int maxImageBytes;

    SenseNormalizer(int maxImageBytes) {
        this.maxImageBytes = maxImageBytes;
    }

    AccessEvent recognition(SenseRecognition r, JsonNode original, Origin origin) throws DecodeException {
        // v0.0.1 records carry a face-track id, not a device serial: only the channel can name the device
        String serial = serial(r.deviceSn(), origin);
        String eventId = blankToNull(r.uuid());
        String key = "sense/" + serial + "/" + (eventId != null ? eventId : Fingerprint.of(r.trackId(), r.timestamp(),
                r.user() == null ? null : r.user().userId(), r.recognizeScore(), r.mode(), r.pass()));
        return new AccessEvent(
                new EventSource(Family.SENSE_PASS, serial, null, origin.address(), r.dialect()),
                EventKind.PASSAGE,
                eventId,
                instantFromSeconds(r.timestamp()),
                person(r.user(), r.version(), personType(r)),
                new Outcome(r.pass(), r.verificationMode(), r.mode(), r.entryModeKnown(), r.entryMode(),
                        r.abnormalTypeKnown(), r.abnormalType()),
                Scores.of(r.recognizeScore(), 1, r.livenessScore()),
                r.maskKnown(),
                temperature(r.bodyTemperature()),
                new Images(maxImageBytes).add(ImageKind.FACE_SNAPSHOT, "data.rgb_image", r.rgbImage()).list(),
                original,
                key);
    }

    AccessEvent authorizationRequest(RemoteAuthRequest r, JsonNode original, Origin origin) throws DecodeException {
        String serial = serial(r.deviceSn(), origin);
        PersonType fromStatus = r.recognizeStatus() == null ? null : fromStatus(RecognizeStatus.of(r.recognizeStatus()));
        return new AccessEvent(
                new EventSource(Family.SENSE_PASS, serial, null, origin.address(), r.dialect()),
                EventKind.AUTHORIZATION_REQUEST,
                null,
                instantFromSeconds(r.timestamp()),
                person(r.user(), r.version(), fromStatus),
                new Outcome(null, null, null, r.entryModeKnown(), r.entryMode(), null, null),
                Scores.of(r.recognizeScore(), 1, null),
                r.mask() == null ? null : MaskState.of(r.mask()),
                temperature(r.bodyTemperature()),
                new Images(maxImageBytes).add(ImageKind.FACE_SNAPSHOT, "rgb_image", r.rgbImage()).list(),
                original,
                "sense/" + serial + "/auth-" + Fingerprint.of(r.timestamp(), r.user() == null ? null : r.user().userId(),
                        r.recognizeScore(), r.entryMode()));
    }

    AlarmEvent alarm(SenseAlarm a, JsonNode original, Origin origin) throws DecodeException {
        String serial = serial(null, origin);
        return new AlarmEvent(
                new EventSource(Family.SENSE_PASS, serial, null, origin.address(), a.dialect()),
                a.traceId(),
                Instant.ofEpochMilli(a.eventTime()),
                AlarmCode.of(a.code()),
                a.code(),
                AlarmStatus.of(a.status()),
                a.status(),
                a.description(),
                a.userId(),
                new Images(maxImageBytes).add(ImageKind.ALARM_PHOTO, "data.alarm_photo", a.alarmPhoto()).list(),
                original,
                "sense/" + serial + "/alarm/" + a.traceId() + "/" + a.status());
    }

    private static String serial(String fromPayload, Origin origin) {
        if (fromPayload != null && !fromPayload.isBlank()) {
            return fromPayload;
        }
        return origin.deviceSerial() != null ? origin.deviceSerial() : "unknown";
    }

    static Instant instantFromSeconds(long value) {
        return value >= SECONDS_CEILING ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }

    /** The terminal sends 0 when it did not measure. */
    private static Double temperature(Double celsius) {
        return celsius == null || celsius == 0 ? null : celsius;
    }

    /** The record's classification wins over the library type: it also covers strangers and non-live faces. */
    private static PersonType personType(SenseRecognition r) {
        if (r.recognitionType() != null) {
            RecognitionType type = RecognitionType.of(r.recognitionType());
            if (type == null) {
                return PersonType.UNKNOWN;
            }
            return switch (type) {
                case EMPLOYEE -> PersonType.EMPLOYEE;
                case VISITOR -> PersonType.VISITOR;
                case STRANGER -> PersonType.STRANGER;
                case NON_LIVE -> PersonType.NON_LIVE;
                case BLACKLIST -> PersonType.BLACKLISTED;
            };
        }
        return r.recognizeStatus() == null ? null : fromStatus(RecognizeStatus.of(r.recognizeStatus()));
    }

    /** Only the statuses that say who it is; the others leave the type to {@code user.type}. */
    private static PersonType fromStatus(RecognizeStatus status) {
        if (status == RecognizeStatus.NON_LIVE) {
            return PersonType.NON_LIVE;
        }
        if (status == RecognizeStatus.STRANGER) {
            return PersonType.STRANGER;
        }
        return null;
    }

    private static Person person(SenseUser user, SenseVersion version, PersonType classified) {
        if (user == null || user.isEmpty()) {
            Person stranger = Person.stranger();
            return classified == null || classified == PersonType.STRANGER ? stranger
                    : new Person(null, null, classified, List.of(), null, null, List.of(), null, null);
        }
        PersonType type = classified != null ? classified : libraryType(user.userType(version));
        ValidityWindow window = window(user.guestTimeStart(), user.guestTimeEnd());
        return new Person(
                blankToNull(user.userId()),
                blankToNull(user.name()),
                type,
                user.icNumber() == null || user.icNumber().isBlank() ? List.of() : List.of(user.icNumber()),
                blankToNull(user.jobNumber()),
                blankToNull(user.idNumber()),
                user.groups() == null ? List.of() : user.groups().stream().map(g -> new Group(g.id(), g.name())).toList(),
                window,
                blankToNull(user.remark()));
    }

    private static PersonType libraryType(SenseUserType type) {
        if (type == null) {
            return PersonType.UNKNOWN;
        }
        return switch (type) {
            case EMPLOYEE -> PersonType.EMPLOYEE;
            case VISITOR -> PersonType.VISITOR;
            case BLACKLIST -> PersonType.BLACKLISTED;
        };
    }

    /** Visitor windows are milliseconds; 0 means "no window". */
    private static ValidityWindow window(Long start, Long end) {
        boolean hasStart = start != null && start > 0;
        boolean hasEnd = end != null && end > 0;
        if (!hasStart && !hasEnd) {
            return null;
        }
        return new ValidityWindow(hasStart ? Instant.ofEpochMilli(start) : null, hasEnd ? Instant.ofEpochMilli(end) : null);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
