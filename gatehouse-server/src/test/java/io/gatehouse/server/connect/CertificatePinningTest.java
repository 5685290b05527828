package io.gatehouse.server.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatehouse.simulator.SimulatedSite;
import io.gatehouse.simulator.SiteConfig;
import io.gatehouse.simulator.device.DeviceCertificate;
import io.gatehouse.simulator.terminal.Terminal;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trust on first use, like SSH: the terminal's self-signed certificate is pinned on first contact, and a terminal
 * that comes back with another one is refused, on the Web API and the WebSocket alike, until an operator accepts it.
 */
class CertificatePinningTest {
    private static final TerminalPlan SUBSCRIBE_ONLY = new TerminalPlan(null, null, 0, true);
    private final Vertx hub = Vertx.vertx();
    private final RecordingListener listener = new RecordingListener();
    private SimulatedSite site;
    private Terminal terminal;
    private TerminalConnector connector;
    private TerminalClient client;

    @BeforeEach
    void start() throws Exception {
        site = SimulatedSite.start(SiteConfig.forTests().withDevices(1, 0, 0));
        terminal = site.terminals().get(0);
    }

    @AfterEach
    void stop() throws Exception {
        if (connector != null) {
            Blocking.await(connector.stop());
        }
        if (client != null) {
            Blocking.await(client.close());
        }
        site.close();
        Blocking.await(hub.close());
    }

    @Test
    void theFirstContactPinsTheTerminalsCertificateAndReportsItForPersisting() {
        String presented = Emulated.fingerprint(terminal.certificate());
        connector = TerminalConnector.start(hub, Emulated.endpoint(terminal), SUBSCRIBE_ONLY, listener,
                ConnectorSettings.forTests());

        await().atMost(Duration.ofSeconds(10)).until(() -> connector.state() == DeviceState.ONLINE);

        assertThat(listener.pins).containsExactly(new RecordingListener.Pin(terminal.serial(), presented));
        assertThat(connector.client().pinnedCertificate()).isEqualTo(presented);
        assertThat(listener.offLoopCalls).hasValue(0);
    }

    @Test
    void aTerminalBackWithANewCertificateIsRefusedUntilTheOperatorAcceptsIt() {
        String first = Emulated.fingerprint(terminal.certificate());
        connector = TerminalConnector.start(hub, Emulated.endpoint(terminal), SUBSCRIBE_ONLY, listener,
                ConnectorSettings.forTests());
        await().atMost(Duration.ofSeconds(10)).until(() -> connector.state() == DeviceState.ONLINE
                && terminal.webSocketClients() == 1);

        DeviceCertificate replaced = Emulated.newCertificate(terminal);
        String second = Emulated.fingerprint(replaced);
        Blocking.await(terminal.restart(replaced));

        await().atMost(Duration.ofSeconds(10)).until(() -> connector.state() == DeviceState.CERTIFICATE_CHANGED);
        assertThat(connector.reason()).contains("pinned certificate is sha256 " + first)
                .contains("now presents sha256 " + second);
        Throwable refused = Blocking.failure(connector.client().functions());
        assertThat(refused).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.state()).isEqualTo(DeviceState.CERTIFICATE_CHANGED));
        assertThat(terminal.webSocketClients()).as("no subscription through an unverified certificate").isZero();

        connector.acceptCertificate(second.toUpperCase().replaceAll("(..)(?!$)", "$1:"));

        await().atMost(Duration.ofSeconds(10)).until(() -> connector.state() == DeviceState.ONLINE
                && terminal.webSocketClients() == 1);
        assertThat(listener.pins).extracting(RecordingListener.Pin::sha256).containsExactly(first, second);
        assertThat(connector.client().pinnedCertificate()).isEqualTo(second);
    }

    @Test
    void aStoredPinIsExactAndAcceptingAnotherFingerprintDoesNotOpenTheDoor() {
        String other = "ab".repeat(32);
        connector = TerminalConnector.start(hub, Emulated.endpoint(terminal, terminal.password(), TlsTrust.pinned(other)),
                SUBSCRIBE_ONLY, listener, ConnectorSettings.forTests());

        await().atMost(Duration.ofSeconds(10)).until(() -> connector.state() == DeviceState.CERTIFICATE_CHANGED);
        connector.acceptCertificate("cd".repeat(32));
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.pins.size() == 1
                && connector.state() == DeviceState.CERTIFICATE_CHANGED
                && connector.reason().contains("pinned certificate is sha256 " + "cd".repeat(32)));

        assertThat(terminal.webSocketClients()).isZero();
        assertThat(listener.states).noneMatch(s -> s.state() == DeviceState.ONLINE);
    }

    @Test
    void trustOnFirstUseChecksNoHostNameBecauseTerminalCertificatesNameNoUsableAddress() {
        DeviceCertificate elsewhere = DeviceCertificate.generate("terminal", List.of("10.1.2.3"));
        Blocking.await(terminal.restart(elsewhere));
        client = TerminalClient.create(hub, Emulated.endpoint(terminal), ConnectorSettings.forTests(), listener);

        assertThat(Blocking.await(client.functions()).authMode()).isZero();
        assertThat(client.pinnedCertificate()).isEqualTo(Emulated.fingerprint(elsewhere));
    }

    @Test
    void aCaFileTrustsTheCertificatesItSignsForTheAddressesTheyName(@TempDir Path dir) throws Exception {
        Path ca = pem(dir.resolve("terminal.pem"), terminal.certificate());
        client = TerminalClient.create(hub, Emulated.endpoint(terminal, terminal.password(), TlsTrust.caFile(ca)),
                ConnectorSettings.forTests(), listener);
        assertThat(Blocking.await(client.functions()).authMode()).isZero();
        Blocking.await(client.close());

        Path stranger = pem(dir.resolve("other.pem"), DeviceCertificate.generate("other", List.of("127.0.0.1")));
        client = TerminalClient.create(hub, Emulated.endpoint(terminal, terminal.password(), TlsTrust.caFile(stranger)),
                ConnectorSettings.forTests(), listener);
        Throwable refused = Blocking.failure(client.functions());
        assertThat(refused).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.state()).isEqualTo(DeviceState.CERTIFICATE_CHANGED));
        assertThat(refused).hasMessageContaining("certificate not trusted");
        assertThat(listener.pins).isEmpty();
    }

    @Test
    void theInsecureModeTrustsAnythingAndPinsNothing() {
        client = TerminalClient.create(hub, Emulated.endpoint(terminal, terminal.password(), TlsTrust.insecure()),
                ConnectorSettings.forTests(), listener);

        assertThat(Blocking.await(client.functions()).authMode()).isZero();
        assertThat(client.pinnedCertificate()).isNull();
        assertThat(listener.pins).isEmpty();
    }

    private static Path pem(Path file, DeviceCertificate certificate) throws Exception {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.certificate().getEncoded());
        return Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n");
    }
}
