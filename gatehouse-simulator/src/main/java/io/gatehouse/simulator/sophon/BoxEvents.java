package io.gatehouse.simulator.sophon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.json.FieldWriter;
import io.gatehouse.protocol.sophon.SophonConfig;
import io.gatehouse.protocol.sophon.SophonDeviceType;
import io.gatehouse.protocol.sophon.SophonEvent;
import io.gatehouse.protocol.sophon.SophonEventV5;
import io.gatehouse.protocol.sophon.SophonEventV6;
import io.gatehouse.protocol.sophon.SophonExtData;
import io.gatehouse.protocol.sophon.SophonPersonType;
import io.gatehouse.protocol.sophon.SophonVersion;
import io.gatehouse.simulator.device.FaceImages;
import io.gatehouse.simulator.roster.Person;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Writes one sighting as the box's version shapes it, with images only where the client's configuration asked
 * for them: V5 puts the face crop and the scene in {@code ext_data} and the registered photo in {@code reg_pic}
 * (raw base64, score 0..1); V6 sends data URIs and a 0..100 score.
 */
final class BoxEvents {
    private final SophonVersion version;
    private final String boxAddress;
    private final FaceImages images;

    BoxEvents(SophonVersion version, String boxAddress, FaceImages images) {
        this.version = version;
        this.boxAddress = boxAddress;
        this.images = images;
    }

    /** What the camera saw; {@code person == null} is a stranger. {@code score} is 0..1. */
    record Sighting(String eventId, Camera camera, Person person, long timestampMillis, double score) {
        String personKey() {
            return person == null ? "stranger-" + eventId : person.id();
        }

        SophonPersonType personType() {
            return person == null ? SophonPersonType.STRANGER : person.type().sophonType();
        }
    }

    SophonEvent event(Sighting s, SophonConfig config) {
        return version == SophonVersion.V6 ? v6(s, config) : v5(s, config);
    }

    private SophonEventV5 v5(Sighting s, SophonConfig config) {
        boolean face = config.wantsFace();
        boolean registered = config.wantsRegistered() && s.person() != null;
        SophonExtData ext = new SophonExtData(boxAddress, face ? images.faceBase64(s.personKey()) : null,
                face ? images.sceneBase64() : null, s.personType().code(), SophonDeviceType.CAPTURE_CAMERA.code(), Map.of());
        return new SophonEventV5(id(s), s.camera().id(), identityInfo(s), name(s), "default_group",
                registered ? images.faceBase64(s.personKey()) : null, s.timestampMillis(), s.score(), ext,
                s.eventId(), s.camera().name(), Map.of());
    }

    private SophonEventV6 v6(Sighting s, SophonConfig config) {
        boolean registered = config.wantsRegistered() && s.person() != null;
        ObjectNode attributes = FieldWriter.object().put("gender", s.personKey().hashCode() % 2 == 0 ? "male" : "female")
                .put("age", 20 + Math.floorMod(s.personKey().hashCode(), 40)).put("glasses", false).build();
        return new SophonEventV6(s.eventId(), s.timestampMillis(), id(s), name(s), s.personType().word(),
                Math.round(s.score() * 10_000) / 100.0, boxAddress, s.camera().id(), "rtsp",
                registered ? images.faceDataUri(s.personKey()) : null,
                config.wantsFace() ? images.faceDataUri(s.personKey()) : null, attributes, Map.of());
    }

    private static String id(Sighting s) {
        return s.person() == null ? "" : s.person().id();
    }

    private static String name(Sighting s) {
        return s.person() == null ? "" : s.person().name();
    }

    /** The registered information, {@code {}} for a stranger. */
    private static ObjectNode identityInfo(Sighting s) {
        Person p = s.person();
        if (p == null) {
            return FieldWriter.object().build();
        }
        // addTime: when the person was registered (Unix seconds); a stable made-up date per person
        long addTime = 1_700_000_000L + Math.floorMod(p.id().hashCode(), 10_000_000);
        return FieldWriter.object().put("addTime", addTime).put("name", p.name()).put("type", s.personType().code())
                .put("image_id", UUID.nameUUIDFromBytes(p.id().getBytes(StandardCharsets.UTF_8)).toString())
                .build();
    }
}
