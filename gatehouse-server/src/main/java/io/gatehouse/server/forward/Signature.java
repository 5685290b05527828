package io.gatehouse.server.forward;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a target knows a delivery comes from this hub and is fresh: {@code X-Gatehouse-Signature: sha256=HEX}, the
 * HMAC-SHA256 with the target's secret of {@code TIMESTAMP.BODY}, where TIMESTAMP is the
 * {@code X-Gatehouse-Timestamp} header (Unix seconds). Signing the time with the body lets a receiver refuse an old
 * delivery replayed by someone who captured it.
 */
final class Signature {
    static final String HEADER = "X-Gatehouse-Signature";
    static final String TIMESTAMP = "X-Gatehouse-Timestamp";

    private Signature() {
    }

    static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
