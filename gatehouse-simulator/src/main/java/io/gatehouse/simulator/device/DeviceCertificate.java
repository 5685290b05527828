package io.gatehouse.simulator.device;

import io.vertx.core.net.KeyCertOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The self-signed certificate a terminal generates when it starts, as the real one does. One certificate
 * (an EC P-256 key, valid for every emulated address) serves a whole fleet: the key material is shared, and
 * Vert.x then builds one TLS context for all terminals instead of one each.
 */
public final class DeviceCertificate {
    private final X509Certificate certificate;
    private final KeyCertOptions keyCert;

    private DeviceCertificate(X509Certificate certificate, KeyCertOptions keyCert) {
        this.certificate = certificate;
        this.keyCert = keyCert;
    }

    /** Generates a certificate for {@code commonName} whose subject alternative names are the given addresses. */
    public static DeviceCertificate generate(String commonName, List<String> ipAddresses) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair keys = generator.generateKeyPair();
            Instant now = Instant.now();
            X500Name subject = new X500Name("CN=" + commonName + ", O=Gatehouse emulator");
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(3650))), subject, keys.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(ipAddresses));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            return new DeviceCertificate(certificate, keyManagers(keys, certificate));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot generate the device certificate", e);
        }
    }

    private static GeneralNames alternativeNames(List<String> ipAddresses) {
        List<GeneralName> names = new ArrayList<>();
        names.add(new GeneralName(GeneralName.dNSName, "localhost"));
        for (String address : ipAddresses) {
            names.add(new GeneralName(GeneralName.iPAddress, address));
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    /**
     * One key manager for every server. Handing Vert.x PEM text instead makes each server build a password-protected
     * key store of its own (PBKDF2, tens of milliseconds each): half a minute for a thousand terminals.
     */
    private static KeyCertOptions keyManagers(KeyPair keys, X509Certificate certificate) throws GeneralSecurityException {
        char[] password = new char[0];
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store.setKeyEntry("device", keys.getPrivate(), password, new Certificate[] {certificate});
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return KeyCertOptions.wrap(factory);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The key and certificate as Vert.x server options take them, shared by every server. */
    public KeyCertOptions keyCertOptions() {
        return keyCert;
    }
}
