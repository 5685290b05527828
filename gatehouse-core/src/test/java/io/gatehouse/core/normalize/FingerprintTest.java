package io.gatehouse.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.core.event.EventImage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The fallback event identity, exactly as docs/EVENT-MODEL.md defines it. */
class FingerprintTest {

    @Test
    void isTheFirst16HexDigitsOfTheSha256OfTheFieldsEachFollowedByABar() {
        String expected = "fp-" + EventImage.sha256Hex("|1767225600|5|0.9|0|true|".getBytes(StandardCharsets.UTF_8)).substring(0, 16);

        assertThat(Fingerprint.of(null, 1767225600L, "5", 0.9, 0, true)).isEqualTo(expected);
    }

    @Test
    void escapesBarsAndBackslashesSoFieldsCannotRunTogether() {
        assertThat(Fingerprint.of("a|b", "c")).isNotEqualTo(Fingerprint.of("a", "b|c"));
        assertThat(Fingerprint.of("a\\", "|b")).isNotEqualTo(Fingerprint.of("a\\|", "b"));
        assertThat(Fingerprint.of("a|b")).isEqualTo("fp-" + EventImage.sha256Hex("a\\|b|".getBytes(StandardCharsets.UTF_8)).substring(0, 16));
    }
}
