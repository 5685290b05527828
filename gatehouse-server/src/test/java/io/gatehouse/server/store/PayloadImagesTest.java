package io.gatehouse.server.store;

import static io.gatehouse.server.DevicePayloads.jpeg;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.core.event.EventImage;
import io.gatehouse.core.event.ImageKind;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every form in which a payload carries an image becomes a blob reference; every other string stays as sent. */
class PayloadImagesTest {
    private static final byte[] FACE = jpeg(3_000, 1);
    private static final byte[] SCENE = jpeg(2_000, 2);
    private static final EventImage KNOWN = new EventImage(ImageKind.FACE_SNAPSHOT, "image/jpeg", FACE);
    private static final String FACE_BASE64 = Base64.getEncoder().encodeToString(FACE);

    private static JsonNode strip(String field, String value, List<BlobImage> unclassified) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("deviceSN", "PSC700C0MC22F02542").putObject("data").put(field, value);
        PayloadImages.Stripped stripped = PayloadImages.strip(payload, List.of(KNOWN));
        unclassified.addAll(stripped.unclassified());
        assertThat(stripped.payload().path("deviceSN").asText()).isEqualTo("PSC700C0MC22F02542");
        return stripped.payload().path("data").path(field);
    }

    private static String reference(byte[] image) {
        return PayloadImages.REFERENCE_PREFIX + EventImage.sha256Hex(image);
    }

    @Test
    void theEventsOwnImageInEveryWireFormBecomesItsReference() {
        String lineBroken = FACE_BASE64.substring(0, 76) + "\r\n" + FACE_BASE64.substring(76);
        for (String form : List.of(FACE_BASE64, "data:image/jpeg;base64," + FACE_BASE64,
                "DATA:image/jpeg;BASE64," + FACE_BASE64, lineBroken)) {
            List<BlobImage> unclassified = new ArrayList<>();
            assertThat(strip("rgb_image", form, unclassified).asText()).isEqualTo(reference(FACE));
            assertThat(unclassified).as("the event already lists this image").isEmpty();
        }
    }

    @Test
    void anotherPictureIsKeptAsAnUnclassifiedImage() {
        List<BlobImage> unclassified = new ArrayList<>();
        JsonNode replaced = strip("spot_pic", Base64.getEncoder().encodeToString(SCENE), unclassified);
        assertThat(replaced.asText()).isEqualTo(reference(SCENE));
        assertThat(unclassified).singleElement().satisfies(image -> {
            assertThat(image.kind()).isEqualTo(BlobImage.UNCLASSIFIED);
            assertThat(image.bytes()).isEqualTo(SCENE);
        });
    }

    @Test
    void stringsThatAreNotImagesStayAsSent() {
        String almostTheImage = FACE_BASE64.substring(0, FACE_BASE64.length() - 4) + "AAAA";
        String notADataUri = "data:image/jpeg," + FACE_BASE64;
        String prose = "门禁 ".repeat(100);
        String notAPicture = Base64.getEncoder().encodeToString("x".repeat(600).getBytes());
        for (String value : List.of(prose, notADataUri, notAPicture)) {
            List<BlobImage> unclassified = new ArrayList<>();
            assertThat(strip("remark", value, unclassified).asText()).isEqualTo(value);
            assertThat(unclassified).isEmpty();
        }
        List<BlobImage> unclassified = new ArrayList<>();
        assertThat(strip("rgb_image", almostTheImage, unclassified).asText())
                .as("the same length, other bytes: decoded, not mistaken for the event's image")
                .isNotEqualTo(reference(FACE));
    }
}
