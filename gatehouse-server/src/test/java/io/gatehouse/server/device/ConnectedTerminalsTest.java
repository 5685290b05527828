package io.gatehouse.server.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.protocol.sense.SenseVersion;
import io.gatehouse.protocol.sophon.SophonVersion;
import io.gatehouse.server.TestHub;
import io.gatehouse.server.connect.SomeoneElse;
import io.gatehouse.simulator.SimulatedSite;
import io.gatehouse.simulator.SiteConfig;
import io.gatehouse.simulator.roster.Roster;
import io.gatehouse.simulator.terminal.Terminal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Terminals registered with their account are connected by the hub itself: it configures the channels the operator
 * chose on the terminal, subscribes to its WebSocket, and every record arriving by push and by WebSocket is stored
 * once. Real hub, emulated terminals over TLS on loopback.
 */
class ConnectedTerminalsTest {
    private static final int WALKUPS = 8;

    @TempDir
    Path data;

    @Test
    void everyFirmwareVersionDeliversByPushAndByWebSocketAndEachRecordIsStoredOnce() throws Exception {
        List<SenseVersion> versions = List.of(SenseVersion.values());
        SiteConfig config = SiteConfig.forTests().withFirstAddress("127.0.4.1").withDevices(versions.size(), 0, 0)
                .withVersions(versions, SophonVersion.V5);
        try (DeviceHub hub = new DeviceHub(data); SimulatedSite site = SimulatedSite.start(config)) {
            for (Terminal terminal : site.terminals()) {
                hub.register(id(terminal), terminal, "push", "websocket");
            }
            awaitStreaming(hub, site.terminals().stream().map(ConnectedTerminalsTest::id).toList(), site.terminals());

            for (Terminal terminal : site.terminals()) {
                for (int i = 0; i < WALKUPS; i++) {
                    String person = i % 4 == 3 ? Roster.STRANGER : String.valueOf(1 + i % 12);
                    terminal.recognize(person, null).toCompletionStage().toCompletableFuture().get();
                }
            }

            for (Terminal terminal : site.terminals()) {
                String id = id(terminal);
                // each record came twice, by push (the terminal was answered) and by WebSocket: stored once
                await().atMost(Duration.ofSeconds(30)).until(() -> terminal.counters().delivered() == WALKUPS
                        && counters(hub, id).path("duplicates").asInt() == WALKUPS);
                JsonNode device = hub.get("/api/devices/" + id);
                assertThat(device.path("counters").path("stored").asInt()).as(id).isEqualTo(WALKUPS);
                assertThat(device.path("counters").path("rejected").asInt()).as(id).isZero();
                assertThat(device.path("serial").asText()).as(id).isEqualTo(terminal.serial());
                JsonNode events = hub.events("device=" + id);
                assertThat(events).as(id).hasSize(WALKUPS);
                Set<String> keys = new HashSet<>();
                events.forEach(e -> keys.add(e.path("dedupeKey").asText()));
                assertThat(keys).as("distinct events of " + id).hasSize(WALKUPS);
                assertThat(events).allSatisfy(e -> {
                    assertThat(e.path("channel").asText()).isIn("RECORD_PUSH", "TERMINAL_WEBSOCKET");
                    assertThat(e.path("source").path("dialect").asText()).endsWith(terminal.version());
                });
            }
            assertThat(hub.get("/api/quarantine").path("payloads")).isEmpty();
        }
    }

    @Test
    void addingATerminalConfiguresItAndRemovingItLetsGoOfItsWebSocket() throws Exception {
        SiteConfig config = SiteConfig.forTests().withFirstAddress("127.0.4.11").withDevices(1, 0, 0);
        try (DeviceHub hub = new DeviceHub(data); SimulatedSite site = SimulatedSite.start(config);
             SomeoneElse installer = new SomeoneElse(site.vertx(), site.terminals().get(0))) {
            Terminal terminal = site.terminals().get(0);
            JsonNode registered = hub.register("door", terminal, "push", "websocket", "remote-auth");
            awaitStreaming(hub, List.of("door"), List.of(terminal));

            assertThat(installer.subscription().path("event_dest").asText())
                    .isEqualTo(registered.path("receivers").path("push").asText());
            JsonNode functions = installer.functions();
            assertThat(functions.path("auth_mode").asInt()).isEqualTo(1);
            assertThat(functions.path("remote_authentication_address").asText())
                    .isEqualTo(registered.path("receivers").path("auth").asText());
            JsonNode device = hub.get("/api/devices/door");
            assertThat(device.path("info").path("serial").asText()).isEqualTo(terminal.serial());
            assertThat(device.path("pinnedCertificateSha256").asText()).hasSize(64);

            // a change of channels restarts the connector: without websocket, the hub gives up its slot
            HttpResponse<String> changed = hub.hub.send(hub.hub.request("/api/devices/door").method("PATCH",
                    HttpRequest.BodyPublishers.ofString("{\"channels\": [\"push\"]}")).build());
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> terminal.webSocketClients() == 0
                    && hub.state("door").equals("ONLINE"));

            hub.hub.send(hub.hub.request("/api/devices/door").method("PATCH",
                    HttpRequest.BodyPublishers.ofString("{\"channels\": [\"push\", \"websocket\"]}")).build());
            await().atMost(Duration.ofSeconds(10)).until(() -> terminal.webSocketClients() == 1);

            HttpResponse<String> removed = hub.hub.send(hub.hub.request("/api/devices/door").DELETE().build());
            assertThat(removed.statusCode()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(5)).until(() -> terminal.webSocketClients() == 0);
            terminal.recognize("1", null).toCompletionStage().toCompletableFuture().get();
            await().atMost(Duration.ofSeconds(5)).until(() -> terminal.counters().cached() >= 1);
            assertThat(hub.events("device=door")).isEmpty(); // its receivers are gone: the terminal keeps the record
        }
    }

    @Test
    void aTerminalWithoutPasswordIsNotConnectedAndSaysSo() throws Exception {
        try (DeviceHub hub = new DeviceHub(data)) {
            JsonNode device = hub.registerTerminal("manual", null, "websocket");

            assertThat(device.path("state").path("state").asText()).isEqualTo("WAITING");
            assertThat(device.path("warnings").toString()).contains("no password", "receiver addresses");
            assertThat(hub.hub.hub.devices().connectors().terminal("manual")).isEmpty();
        }
    }

    @Test
    void aRegistrationTheConnectorCannotUseLeavesTheDeviceDegradedWithTheReason() throws Exception {
        Path ca = Files.writeString(data.resolve("site-ca.pem"), "not used: the file goes away");
        try (DeviceHub hub = new DeviceHub(data.resolve("hub"))) {
            hub.register("{\"kind\": \"terminal\", \"id\": \"gate\", \"host\": \"127.0.0.1\", \"port\": 9,"
                    + " \"password\": \"pw\", \"trust\": {\"mode\": \"ca-file\", \"caFile\": \"" + ca + "\"}}");
            Files.delete(ca);

            HttpResponse<String> changed = hub.hub.send(hub.hub.request("/api/devices/gate").method("PATCH",
                    HttpRequest.BodyPublishers.ofString("{\"remoteAuthFallbackMinutes\": 5}")).build());

            JsonNode state = TestHub.json(changed).path("state");
            assertThat(state.path("state").asText()).isEqualTo("DEGRADED");
            assertThat(state.path("reason").asText()).contains("not connected", ca.toString(), "not readable");
            assertThat(hub.hub.hub.devices().connectors().terminal("gate")).isEmpty();
        }
    }

    /** Every terminal ({@code ids} in the hub) configured, holding the hub's one WebSocket, and ONLINE. */
    static void awaitStreaming(DeviceHub hub, List<String> ids, List<Terminal> terminals) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (int i = 0; i < ids.size(); i++) {
                if (terminals.get(i).webSocketClients() != 1 || !hub.state(ids.get(i)).equals("ONLINE")) {
                    return false;
                }
            }
            return true;
        });
    }

    static JsonNode counters(DeviceHub hub, String id) throws Exception {
        return hub.get("/api/devices/" + id).path("counters");
    }

    static String id(Terminal terminal) {
        return "door-" + terminal.version().replace('.', '-');
    }
}
