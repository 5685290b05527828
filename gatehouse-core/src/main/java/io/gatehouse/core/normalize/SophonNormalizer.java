package io.gatehouse.core.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.core.event.AccessEvent;
import io.gatehouse.core.event.EventKind;
import io.gatehouse.core.event.EventSource;
import io.gatehouse.core.event.Group;
import io.gatehouse.core.event.ImageKind;
import io.gatehouse.core.event.Outcome;
import io.gatehouse.core.event.Person;
import io.gatehouse.core.event.PersonType;
import io.gatehouse.core.event.Scores;
import io.gatehouse.protocol.Family;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.sophon.SophonEventV5;
import io.gatehouse.protocol.sophon.SophonEventV6;
import io.gatehouse.protocol.sophon.SophonExtData;
import io.gatehouse.protocol.sophon.SophonPersonType;
import java.time.Instant;
import java.util.List;

/**
 * Turns the SE box's recognitions into the neutral model. The box's events carry no box identity, so the
 * source serial comes from the {@link Origin} (the box the hub connected to), "unknown" without one. Scores
 * above 1 are on the V6 document's 0..100 scale and are divided by 100; the original number is kept.
 */
final class SophonNormalizer {
    private final int maxImageBytes;

    SophonNormalizer(int maxImageBytes) {
        this.maxImageBytes = maxImageBytes;
    }

    AccessEvent v5(SophonEventV5 e, JsonNode original, Origin origin) throws DecodeException {
        SophonExtData ext = e.extData();
        String address = ext != null && ext.deviceIp() != null ? ext.deviceIp() : origin.address();
        String box = box(origin);
        SophonPersonType type = ext == null ? SophonPersonType.EMPLOYEE : ext.personTypeKnown();
        Images images = new Images(maxImageBytes)
                .add(ImageKind.FACE_SNAPSHOT, "ext_data.recognize_face", ext == null ? null : ext.recognizeFace())
                .add(ImageKind.REGISTERED_PHOTO, "reg_pic", e.regPic())
                .add(ImageKind.SCENE, "ext_data.spot_pic", ext == null ? null : ext.spotPic());
        return new AccessEvent(
                new EventSource(Family.SOPHON_SE, box, e.deviceId(), address, e.dialect()),
                EventKind.PASSAGE,
                e.eventId(),
                Instant.ofEpochMilli(millis(e.timestamp())),
                person(e.identityId(), e.identityName(), type, e.groupName()),
                Outcome.NONE,
                scores(e.score()),
                null,
                null,
                images.list(),
                original,
                key(box, e.deviceId(), e.eventId(), e.timestamp(), e.identityId(), e.score()));
    }

    AccessEvent v6(SophonEventV6 e, JsonNode original, Origin origin) throws DecodeException {
        String address = e.mediaDeviceIp() != null ? e.mediaDeviceIp() : origin.address();
        String box = box(origin);
        Images images = new Images(maxImageBytes)
                .add(ImageKind.FACE_SNAPSHOT, "recognize_face_image", e.recognizeFaceImage())
                .add(ImageKind.REGISTERED_PHOTO, "register_image", e.registerImage());
        return new AccessEvent(
                new EventSource(Family.SOPHON_SE, box, e.mediaDeviceId(), address, e.dialect()),
                EventKind.PASSAGE,
                e.eventId(),
                Instant.ofEpochMilli(millis(e.timestamp())),
                person(e.identityId(), e.identityName(), e.personTypeKnown(), null),
                Outcome.NONE,
                scores(e.score()),
                null,
                null,
                images.list(),
                original,
                key(box, e.mediaDeviceId(), e.eventId(), e.timestamp(), e.identityId(), e.score()));
    }

    /**
     * The box is named only by the channel: the addresses in an event (ext_data.device_ip, media_device_ip)
     * are the camera's, and one box serves several cameras.
     */
    private static String box(Origin origin) {
        return origin.deviceSerial() != null ? origin.deviceSerial() : "unknown";
    }

    private static String key(String box, String camera, String eventId, long timestamp, String identity, double score) {
        String id = eventId != null && !eventId.isBlank() ? eventId : Fingerprint.of(timestamp, identity, score);
        return "sophon/" + box + "/" + camera + "/" + id;
    }

    /** The box documents milliseconds; a value below 10^11 can only be seconds. */
    private static long millis(long value) {
        return value < 100_000_000_000L ? value * 1000 : value;
    }

    private static Scores scores(double raw) {
        return Scores.of(raw, raw > 1 ? 100 : 1, null);
    }

    private static Person person(String id, String name, SophonPersonType type, String group) {
        PersonType neutral = type == null ? PersonType.UNKNOWN : switch (type) {
            case EMPLOYEE -> PersonType.EMPLOYEE;
            case VISITOR -> PersonType.VISITOR;
            case BLACKLIST -> PersonType.BLACKLISTED;
            case STRANGER -> PersonType.STRANGER;
            case VIP -> PersonType.VIP;
        };
        if (neutral == PersonType.STRANGER) {
            return Person.stranger();
        }
        List<Group> groups = group == null || group.isBlank() ? List.of() : List.of(new Group(null, group));
        return new Person(SenseNormalizer.blankToNull(id), SenseNormalizer.blankToNull(name), neutral, List.of(),
                null, null, groups, null, null);
    }
}
