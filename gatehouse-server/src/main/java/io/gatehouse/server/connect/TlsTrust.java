package io.gatehouse.server.connect;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How far to trust a device's TLS certificate. Terminals ship self-signed certificates that name no usable
 * address, so the default is trust on first use, as SSH does: the first certificate seen is pinned by the SHA-256
 * of its DER encoding, and any other is refused until an operator accepts it. A CA file (PEM; the host name is
 * verified) and an explicit insecure mode (anything goes, for a lab) are the alternatives.
 *
 * @param pinnedSha256 TOFU only: the pinned fingerprint, or {@code null} to pin on first contact. Accepted as
 *                     64 hex digits, with or without colons ({@code openssl x509 -fingerprint -sha256} prints those)
 * @param caFile       CA_FILE only: PEM certificates of the authorities that sign the devices' certificates
 */
public record TlsTrust(Mode mode, String pinnedSha256, Path caFile) {
    public enum Mode { TRUST_ON_FIRST_USE, CA_FILE, INSECURE }

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public TlsTrust {
        if (mode == null) {
            throw new IllegalArgumentException("tls trust mode is required (TRUST_ON_FIRST_USE, CA_FILE or INSECURE)");
        }
        pinnedSha256 = pinnedSha256 == null || pinnedSha256.isBlank() ? null : normalize(pinnedSha256);
        if (mode == Mode.CA_FILE && caFile == null) {
            throw new IllegalArgumentException("tls trust CA_FILE needs caFile, a PEM file of the trusted authorities");
        }
    }

    /** Trust on first use with nothing pinned yet. */
    public static TlsTrust firstUse() {
        return new TlsTrust(Mode.TRUST_ON_FIRST_USE, null, null);
    }

    /** Trust on first use with a fingerprint pinned earlier. */
    public static TlsTrust pinned(String sha256) {
        return new TlsTrust(Mode.TRUST_ON_FIRST_USE, sha256, null);
    }

    public static TlsTrust caFile(Path pem) {
        return new TlsTrust(Mode.CA_FILE, null, pem);
    }

    public static TlsTrust insecure() {
        return new TlsTrust(Mode.INSECURE, null, null);
    }

    /** {@code sha256} as lower-case hex without separators; refuses anything that is not a SHA-256 fingerprint. */
    public static String normalize(String sha256) {
        String hex = sha256.replace(":", "").replace(" ", "").trim().toLowerCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("a certificate fingerprint is 64 hex digits (SHA-256), optionally"
                    + " separated by colons; got " + (sha256.length() > 100 ? sha256.substring(0, 100) + "..." : sha256));
        }
        return hex;
    }
}
