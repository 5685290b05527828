package io.gatehouse.server.connect;

import io.gatehouse.simulator.device.DeviceCertificate;
import io.gatehouse.simulator.sophon.SeBox;
import io.gatehouse.simulator.terminal.Terminal;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/** How the hub would register the emulator's devices. */
public final class Emulated {
    private Emulated() {
    }

    static DeviceEndpoint endpoint(Terminal terminal) {
        return endpoint(terminal, terminal.password(), TlsTrust.firstUse());
    }

    static DeviceEndpoint endpoint(Terminal terminal, String password, TlsTrust trust) {
        return new DeviceEndpoint(terminal.serial(), terminal.address(), terminal.port(), true, terminal.username(),
                password, trust);
    }

    static DeviceEndpoint endpoint(SeBox box) {
        return DeviceEndpoint.seBox(box.serial(), box.address(), box.restPort(), box.webSocketPort());
    }

    /** The SHA-256 of the certificate's DER encoding, computed here independently of the code under test. */
    public static String fingerprint(DeviceCertificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(certificate.certificate().getEncoded()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A new key and certificate for {@code terminal}, as a factory reset would generate. */
    public static DeviceCertificate newCertificate(Terminal terminal) {
        return DeviceCertificate.generate("gatehouse-emulated-terminal", List.of(terminal.address()));
    }
}
