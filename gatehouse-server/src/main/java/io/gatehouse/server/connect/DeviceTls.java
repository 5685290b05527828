package io.gatehouse.server.connect;

import io.vertx.core.net.ClientOptionsBase;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.TrustOptions;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The TLS side of one device's clients (Web API and WebSocket alike), from its {@link TlsTrust}: a
 * {@link CertificatePin} without host-name verification for trust on first use, a PEM trust store with
 * host-name verification for a CA file, or trust-all for the explicit insecure mode.
 */
final class DeviceTls {
    private static final Set<String> PROTOCOLS = Set.of("TLSv1.2", "TLSv1.3");
    private final DeviceEndpoint endpoint;
    private final long handshakeMillis;
    private final CertificatePin pin;

    /** {@code handshakeTimeout}: a path that carries no bytes must not hold a handshake for Vert.x's default 10 s. */
    DeviceTls(DeviceEndpoint endpoint, Duration handshakeTimeout, Consumer<String> onFirstPin) {
        this.endpoint = endpoint;
        this.handshakeMillis = handshakeTimeout.toMillis();
        TlsTrust trust = endpoint.trust();
        this.pin = endpoint.tls() && trust.mode() == TlsTrust.Mode.TRUST_ON_FIRST_USE
                ? new CertificatePin(trust.pinnedSha256(), onFirstPin) : null;
        if (endpoint.tls() && trust.mode() == TlsTrust.Mode.CA_FILE && !Files.isReadable(trust.caFile())) {
            throw new IllegalArgumentException("device " + endpoint.deviceId() + ": CA file " + trust.caFile()
                    + " is not readable");
        }
    }

    /** The pin, or {@code null} when the device is not in trust-on-first-use mode. */
    CertificatePin pin() {
        return pin;
    }

    /** Sets TLS on a client's options (HTTP and WebSocket clients alike); nothing for a plain-text device. */
    <T extends ClientOptionsBase> T apply(T options) {
        if (endpoint.tls()) {
            options.setSsl(true).setEnabledSecureTransportProtocols(PROTOCOLS)
                    .setSslHandshakeTimeout(handshakeMillis).setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS);
            options.setTrustAll(insecure());
            if (!insecure()) {
                options.setTrustOptions(trustOptions());
            }
            options.getSslOptions().setHostnameVerificationAlgorithm(verifyHost() ? "HTTPS" : "");
        }
        return options;
    }

    private boolean insecure() {
        return endpoint.trust().mode() == TlsTrust.Mode.INSECURE;
    }

    /** Only a CA-signed certificate is expected to name the device's address. */
    private boolean verifyHost() {
        return endpoint.trust().mode() == TlsTrust.Mode.CA_FILE;
    }

    private TrustOptions trustOptions() {
        return pin != null ? TrustOptions.wrap(pin) : new PemTrustOptions().addCertPath(endpoint.trust().caFile().toString());
    }
}
