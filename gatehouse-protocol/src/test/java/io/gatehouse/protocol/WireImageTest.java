package io.gatehouse.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.protocol.json.DecodeException;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Images inside JSON: raw base64 (terminals, V5 boxes) or data URIs (V6 boxes); blank means none. */
class WireImageTest {
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
    private static final String JPEG_BASE64 = Base64.getEncoder().encodeToString(JPEG);

    @Test
    void decodesRawBase64AndSniffsTheType() throws Exception {
        WireImage image = WireImage.decode("rgb_image", JPEG_BASE64, 1024);

        assertThat(image.bytes()).isEqualTo(JPEG);
        assertThat(image.mediaType()).isEqualTo("image/jpeg");
        assertThat(image.toBase64()).isEqualTo(JPEG_BASE64);
    }

    @Test
    void decodesADataUriButTrustsTheBytesNotTheClaim() throws Exception {
        WireImage image = WireImage.decode("register_image",
                "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(PNG), 1024);

        assertThat(image.mediaType()).isEqualTo("image/png");
        assertThat(image.toDataUri()).isEqualTo("data:image/png;base64," + Base64.getEncoder().encodeToString(PNG));
        assertThat(WireImage.decode("x", "DATA:image/jpeg;BASE64," + JPEG_BASE64, 1024).bytes()).isEqualTo(JPEG);
    }

    @Test
    void blankMeansNoImage() throws Exception {
        // seed 002 shows "rgb_image":" " when snapshots are off
        assertThat(WireImage.decode("rgb_image", " ", 1024)).isNull();
        assertThat(WireImage.decode("rgb_image", "", 1024)).isNull();
        assertThat(WireImage.decode("rgb_image", null, 1024)).isNull();
        assertThat(WireImage.decode("register_image", "data:image/jpeg;base64,", 1024)).isNull();
    }

    @Test
    void acceptsLineBreaksAndMissingPadding() throws Exception {
        String mime = JPEG_BASE64.substring(0, 8) + "\r\n" + JPEG_BASE64.substring(8);

        assertThat(WireImage.decode("x", mime, 1024).bytes()).isEqualTo(JPEG);
        assertThat(WireImage.decode("x", JPEG_BASE64.replace("=", ""), 1024).bytes()).isEqualTo(JPEG);
    }

    @Test
    void refusesInvalidBase64NamingTheField() {
        assertThatThrownBy(() -> WireImage.decode("data.rgb_image", "not base64!", 1024))
                .isInstanceOfSatisfying(DecodeException.class, e -> {
                    assertThat(e.path()).isEqualTo("data.rgb_image");
                    assertThat(e.reason()).startsWith("expected base64 image data: Illegal base64 character");
                });
        // the placeholder of seeds 000, 001 and 003 is no base64 either
        assertThatThrownBy(() -> WireImage.decode("data.rgb_image", "xxxxxxxxxxxxxx=", 1024))
                .hasMessageStartingWith("data.rgb_image: expected base64 image data");
    }

    @Test
    void refusesADataUriWithoutBase64() {
        assertThatThrownBy(() -> WireImage.decode("recognize_face_image", "data:image/jpeg,%FF%D8", 1024))
                .hasMessage("recognize_face_image: expected a data URI of the form data:<type>;base64,<data>");
        assertThatThrownBy(() -> WireImage.decode("recognize_face_image", "data:image/jpeg;base64", 1024))
                .hasMessage("recognize_face_image: expected a data URI of the form data:<type>;base64,<data>");
    }

    @Test
    void refusesAnImageAboveTheLimitBeforeDecodingIt() {
        String big = "A".repeat(4000);

        assertThatThrownBy(() -> WireImage.decode("reg_pic", big, 2048))
                .hasMessage("reg_pic: image of about 3000 bytes exceeds the limit of 2048 bytes");
    }

    @Test
    void sniffsTheCommonImageTypes() {
        assertThat(WireImage.sniff(new byte[] {'G', 'I', 'F', '8', '9', 'a'})).isEqualTo("image/gif");
        assertThat(WireImage.sniff(new byte[] {'B', 'M', 0})).isEqualTo("image/bmp");
        assertThat(WireImage.sniff("RIFF0000WEBP".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).isEqualTo("image/webp");
        assertThat(WireImage.sniff(new byte[] {1, 2, 3})).isEqualTo("application/octet-stream");
        assertThat(WireImage.sniff(new byte[0])).isEqualTo("application/octet-stream");
    }
}
