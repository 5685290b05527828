package io.gatehouse.simulator.device;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The self-signed certificate a terminal generates when it starts, as the real one does. One certificate
 * (an EC P-256 key, valid for every emulated address) serves a whole fleet: the key material is shared, and
 * Vert.x then builds one TLS context for all terminals instead of one each.
 */
public final class DeviceCertificate {
    private final X509Certificate certificate;
    private final PemKeyCertOptions pem;

    private DeviceCertificate(X509Certificate certificate, PemKeyCertOptions pem) {
        this.certificate = certificate;
        this.pem = pem;
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
            PemKeyCertOptions pem = new PemKeyCertOptions()
                    .setCertValue(Buffer.buffer(toPem(certificate)))
                    .setKeyValue(Buffer.buffer(pkcs8Pem(keys.getPrivate().getEncoded())));
            return new DeviceCertificate(certificate, pem);
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

    /** PKCS#8 ("BEGIN PRIVATE KEY"), the one key format Vert.x reads for every algorithm. */
    private static String pkcs8Pem(byte[] der) {
        return "-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static String toPem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The key and certificate as Vert.x server options take them. */
    public PemKeyCertOptions keyCertOptions() {
        return pem;
    }
}
