package io.gatehouse.server.connect;

import java.net.Socket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trust on first use for one device: the SHA-256 of the leaf certificate's DER encoding is pinned on the first
 * handshake, and every later handshake must present exactly that certificate. No chain or name is checked
 * (terminals sign their own certificates, naming no usable address); the pin is the whole trust decision.
 * Extending {@link X509ExtendedTrustManager} keeps the JDK from wrapping it with checks of its own.
 */
final class CertificatePin extends X509ExtendedTrustManager {
    private final Consumer<String> onFirstPin;
    private volatile String pinned;
    private volatile String refused;

    /** {@code onFirstPin} hears the fingerprint pinned on first contact; it runs on the TLS thread and must not block. */
    CertificatePin(String pinned, Consumer<String> onFirstPin) {
        this.pinned = pinned == null ? null : TlsTrust.normalize(pinned);
        this.onFirstPin = onFirstPin;
    }

    /** The current pin, or {@code null} before first contact. */
    String pinned() {
        return pinned;
    }

    /** The fingerprint of the last certificate refused, or {@code null} when the last handshake passed. */
    String refused() {
        return refused;
    }

    /** An operator accepted this fingerprint: from now on it, and only it, is trusted. */
    synchronized void accept(String sha256) {
        pinned = TlsTrust.normalize(sha256);
        refused = null;
    }

    static String fingerprint(X509Certificate certificate) throws CertificateEncodingException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the device presented no certificate");
        }
        String presented = fingerprint(chain[0]);
        boolean first;
        synchronized (this) {
            first = pinned == null;
            if (first) {
                pinned = presented;
            } else if (!pinned.equals(presented)) {
                refused = presented;
                throw new CertificateChangedException(pinned, presented);
            }
            refused = null;
        }
        if (first) {
            onFirstPin.accept(presented);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a device connector is a client only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("a device connector is a client only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("a device connector is a client only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    /** The handshake's refusal, carrying both fingerprints so that the reason can name them. */
    static final class CertificateChangedException extends CertificateException {
        private final String pinned;
        private final String presented;

        CertificateChangedException(String pinned, String presented) {
            super("the device presents certificate sha256 " + presented + ", not the pinned " + pinned);
            this.pinned = pinned;
            this.presented = presented;
        }

        String pinned() {
            return pinned;
        }

        String presented() {
            return presented;
        }
    }
}
