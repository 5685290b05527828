package io.gatehouse.server.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Fingerprints as operators paste them, and endpoints that cannot work refused with the field named. */
class TlsTrustTest {
    private static final String HEX = "d7307a8d3247d45d2bce502a2c4be06973c012d1c5913070e4a1b2c3d4e5f607";

    @Test
    void aFingerprintIsAcceptedAsOpensslPrintsItAndStoredAsPlainLowerCaseHex() {
        String openssl = HEX.toUpperCase().replaceAll("(..)(?!$)", "$1:");

        assertThat(TlsTrust.pinned(openssl).pinnedSha256()).isEqualTo(HEX);
        assertThat(TlsTrust.pinned(" " + HEX + " ").pinnedSha256()).isEqualTo(HEX);
    }

    @Test
    void somethingThatIsNotASha256FingerprintIsRefused() {
        assertThatThrownBy(() -> TlsTrust.pinned("abcd")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a certificate fingerprint is 64 hex digits (SHA-256)");
        assertThatThrownBy(() -> TlsTrust.pinned(HEX.replace('d', 'g'))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCaFileModeNeedsAFileAndTheFileMustBeReadable() {
        assertThatThrownBy(() -> new TlsTrust(TlsTrust.Mode.CA_FILE, null, null))
                .hasMessageContaining("needs caFile");
        DeviceEndpoint endpoint = new DeviceEndpoint("door", "127.0.0.1", 8000, true, "admin", "x",
                TlsTrust.caFile(Path.of("/nonexistent/ca.pem")));
        assertThatThrownBy(() -> new DeviceTls(endpoint, Duration.ofSeconds(1), sha -> { }))
                .hasMessage("device door: CA file /nonexistent/ca.pem is not readable");
    }

    @Test
    void anEndpointNeverShowsItsPassword() {
        DeviceEndpoint endpoint = new DeviceEndpoint("door", "127.0.0.1", 8000, true, "admin", "hunter2", null);

        assertThat(endpoint.toString()).doesNotContain("hunter2").contains("password=***");
        assertThat(endpoint.trust()).isEqualTo(TlsTrust.firstUse());
    }

    @Test
    void receiverUrlsShowWhereTheyPointButNotTheirSecretPath() {
        assertThat(Redact.url("http://hub.example:8080/devices/push/4f9c2d")).isEqualTo("http://hub.example:8080/…");
        assertThat(Redact.url("https://user:pw@hub/x?token=1")).isEqualTo("https://hub/…");
        assertThat(Redact.url("http://hub:8080")).isEqualTo("http://hub:8080");
        assertThat(Redact.url("")).isEqualTo("(none)");
        assertThat(Redact.url("not a url at all")).isEqualTo("(a URL that does not parse)");
    }
}
