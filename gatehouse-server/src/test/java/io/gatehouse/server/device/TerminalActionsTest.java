package io.gatehouse.server.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.server.TestHub;
import io.gatehouse.server.connect.Emulated;
import io.gatehouse.simulator.SimulatedSite;
import io.gatehouse.simulator.SiteConfig;
import io.gatehouse.simulator.device.DeviceCertificate;
import io.gatehouse.simulator.device.NetworkCondition;
import io.gatehouse.simulator.terminal.Terminal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator asks a terminal through the hub's API, each in the audit log with who asked: opening the door
 * ({@code /v1/device/door} on the terminal) and accepting the certificate a terminal presents after it changed,
 * which the hub keeps refusing until then, across its own restarts too.
 */
class TerminalActionsTest {
    @TempDir
    Path data;
    private SimulatedSite site;
    private Terminal terminal;

    @BeforeEach
    void start() throws Exception {
        site = SimulatedSite.start(SiteConfig.forTests().withFirstAddress("127.0.4.31").withDevices(1, 0, 0));
        terminal = site.terminals().get(0);
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    @Test
    void aDoorOpenedThroughTheApiOpensAtTheTerminalAndIsAuditedWithWhoAsked() throws Exception {
        try (DeviceHub hub = new DeviceHub(data)) {
            hub.register("lab", terminal, "push");
            await().atMost(Duration.ofSeconds(10)).until(() -> hub.state("lab").equals("ONLINE"));
            long opened = terminal.counters().doorOpened();

            HttpResponse<String> open = action(hub, "lab", "door", "guard-7", "{\"reason\": \"courier at the lab\"}");
            assertThat(open.statusCode()).as(open.body()).isEqualTo(200);
            assertThat(TestHub.json(open).path("openMode").asInt()).isZero();
            assertThat(terminal.counters().doorOpened()).isEqualTo(opened + 1);
            HttpResponse<String> shut = action(hub, "lab", "door", "guard-7", "{\"mode\": \"always-closed\"}");
            assertThat(shut.statusCode()).as(shut.body()).isEqualTo(200);
            assertThat(terminal.counters().doorOpened()).isEqualTo(opened + 1);

            JsonNode audit = hub.get("/api/devices/lab/audit").path("entries");
            assertThat(audit.get(0).path("action").asText()).isEqualTo("door-command");
            assertThat(audit.get(0).path("detail").path("mode").asText()).isEqualTo("always-closed");
            assertThat(audit.get(1).path("actor").asText()).isEqualTo("guard-7");
            assertThat(audit.get(1).path("detail").path("reason").asText()).isEqualTo("courier at the lab");
            assertThat(audit.get(1).path("outcome").asText()).isEqualTo("ok");
            assertThat(audit.get(1).path("seq").asLong()).isEqualTo(TestHub.json(open).path("auditSeq").asLong());

            site.terminals().get(0).setNetwork(NetworkCondition.offline()).toCompletionStage().toCompletableFuture()
                    .get();
            HttpResponse<String> unreachable = action(hub, "lab", "door", "guard-7", "");
            assertThat(unreachable.statusCode()).as(unreachable.body()).isEqualTo(502);
            assertThat(TestHub.json(unreachable).path("error").asText()).isEqualTo("device_failed");
            assertThat(hub.get("/api/devices/lab/audit").path("entries").get(0).path("outcome").asText())
                    .startsWith("failed: the terminal did not carry out the command");
            assertThat(terminal.counters().doorOpened()).isEqualTo(opened + 1);
        }
    }

    @Test
    void doorRequestsThatCannotBeCarriedOutAreRefusedWithTheReason() throws Exception {
        try (DeviceHub hub = new DeviceHub(data)) {
            hub.register("lab", terminal, "push");
            hub.registerTerminal("manual", null);
            hub.register("{\"kind\": \"se-box\", \"id\": \"yard\", \"host\": \"127.0.4.39\", \"restPort\": 9}");

            expect(action(hub, "lab", "door", null, "{\"mode\": \"wide-open\"}"), 400, "mode");
            expect(action(hub, "lab", "door", null, "{\"mode\": \"open\", \"force\": true}"), 400, "force");
            expect(action(hub, "lab", "door", null, "{\"cardNumber\": \"12 34\"}"), 400, "cardNumber");
            expect(action(hub, "lab", "door", null, "[\"open\"]"), 400, "body");
            expect(action(hub, "lab", "door", null, "{\"reason\": \"" + "x".repeat(300) + "\"}"), 400, "reason");
            expect(action(hub, "nobody", "door", null, "{}"), 404, "id");
            expect(action(hub, "yard", "door", null, "{}"), 409, "id");
            HttpResponse<String> manual = action(hub, "manual", "door", "maria", "{}");
            assertThat(manual.statusCode()).isEqualTo(409);
            assertThat(TestHub.json(manual).path("reason").asText()).contains("no password");
            assertThat(hub.get("/api/devices/manual/audit").path("entries").get(0).path("outcome").asText())
                    .startsWith("failed: no password");
            assertThat(terminal.counters().doorOpened()).isZero();
        }
    }

    @Test
    void aChangedCertificateIsRefusedAcrossRestartsUntilAnOperatorAcceptsItAndTheNewPinIsKept() throws Exception {
        String first = Emulated.fingerprint(terminal.certificate());
        try (DeviceHub hub = new DeviceHub(data)) {
            hub.register("lab", terminal, "push", "websocket");
            await().atMost(Duration.ofSeconds(10)).until(() -> hub.state("lab").equals("ONLINE")
                    && first.equals(hub.get("/api/devices/lab").path("pinnedCertificateSha256").asText()));
        }
        DeviceCertificate replaced = Emulated.newCertificate(terminal);
        String second = Emulated.fingerprint(replaced);
        terminal.restart(replaced).toCompletionStage().toCompletableFuture().get();

        try (DeviceHub hub = new DeviceHub(data)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> hub.state("lab").equals("CERTIFICATE_CHANGED"));
            JsonNode lab = hub.get("/api/devices/lab");
            assertThat(lab.path("state").path("reason").asText()).contains(first, second);
            assertThat(lab.path("pinnedCertificateSha256").asText()).isEqualTo(first);
            assertThat(terminal.webSocketClients()).isZero();

            expect(action(hub, "lab", "certificate", null, "{\"sha256\": \"not-a-fingerprint\"}"), 400, "sha256");
            expect(action(hub, "lab", "certificate", null, "{}"), 400, "sha256");
            HttpResponse<String> accepted = action(hub, "lab", "certificate", "maria",
                    "{\"sha256\": \"" + second.toUpperCase().replaceAll("(..)(?!$)", "$1:") + "\"}");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
            assertThat(TestHub.json(accepted).path("pinnedCertificateSha256").asText()).isEqualTo(second);

            await().atMost(Duration.ofSeconds(10)).until(() -> hub.state("lab").equals("ONLINE")
                    && terminal.webSocketClients() == 1);
            JsonNode audit = hub.get("/api/devices/lab/audit").path("entries").get(0);
            assertThat(audit.path("action").asText()).isEqualTo("certificate-accepted");
            assertThat(audit.path("actor").asText()).isEqualTo("maria");
            assertThat(audit.path("detail").path("previousSha256").asText()).isEqualTo(first);
        }

        try (DeviceHub hub = new DeviceHub(data)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> hub.state("lab").equals("ONLINE")
                    && terminal.webSocketClients() == 1);
            assertThat(hub.get("/api/devices/lab").path("pinnedCertificateSha256").asText()).isEqualTo(second);
        }
    }

    private static HttpResponse<String> action(DeviceHub hub, String id, String action, String actor, String body)
            throws Exception {
        HttpRequest.Builder request = hub.hub.request("/api/devices/" + id + "/" + action)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (actor != null) {
            request.header("X-Gatehouse-Actor", actor);
        }
        return hub.hub.send(request.build());
    }

    private static void expect(HttpResponse<String> response, int status, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = TestHub.json(response);
        assertThat(body.path("field").asText()).as(response.body()).isEqualTo(field);
        assertThat(body.path("reason").asText()).isNotBlank();
    }
}
