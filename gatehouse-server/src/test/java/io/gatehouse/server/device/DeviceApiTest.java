package io.gatehouse.server.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.protocol.Samples;
import io.gatehouse.server.TestHub;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The devices API: what an operator registers is what the hub keeps, shows (never the password) and uses. */
class DeviceApiTest {
    private static final String LOBBY = """
            {"kind": "terminal", "id": "lobby", "name": "Lobby", "host": "192.0.2.21", "username": "admin",
             "password": "s3cret-Pa55", "channels": ["push", "remote-auth"], "remoteAuthFallbackMinutes": 2}
            """;
    private static final String YARD = """
            {"kind": "se-box", "id": "yard", "host": "192.0.2.40", "version": "V6", "cameras": ["cam-a", "cam-b"]}
            """;

    @TempDir
    Path data;

    @Test
    void aRegisteredDeviceIsListedWithItsReceiversAndStatusButNeverItsPassword() throws Exception {
        try (DeviceHub hub = new DeviceHub(data)) {
            HttpResponse<String> created = hub.post("/api/devices", LOBBY);
            hub.register(YARD);

            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.headers().firstValue("Location")).hasValue("/api/devices/lobby");
            assertThat(created.body()).doesNotContain("s3cret-Pa55");
            JsonNode lobby = TestHub.json(created);
            assertThat(lobby.path("passwordSet").asBoolean()).isTrue();
            assertThat(lobby.path("port").asInt()).isEqualTo(8000);
            assertThat(lobby.path("tls").asBoolean()).isTrue();
            assertThat(lobby.path("trust").path("mode").asText()).isEqualTo("tofu");
            assertThat(lobby.path("channels")).extracting(JsonNode::asText).containsExactly("push", "remote-auth");
            String push = lobby.path("receivers").path("push").asText();
            String auth = lobby.path("receivers").path("auth").asText();
            assertThat(push).matches("http://127\\.0\\.0\\.1:\\d+/ingest/push/[A-Za-z0-9_-]{22}");
            assertThat(auth).matches("http://127\\.0\\.0\\.1:\\d+/ingest/auth/[A-Za-z0-9_-]{22}");
            assertThat(lobby.path("warnings").get(0).asText()).contains("loopback", "192.0.2.21", "public-url");
            // a terminal with a password is connected at once: here it is being reached, or found unreachable
            assertThat(lobby.path("state").path("state").asText()).isIn("CONNECTING", "OFFLINE");

            JsonNode list = hub.get("/api/devices").path("devices");
            assertThat(list).extracting(d -> d.path("id").asText()).containsExactly("lobby", "yard");
            assertThat(list.toString()).doesNotContain("s3cret-Pa55");
            JsonNode yard = hub.get("/api/devices?kind=se-box").path("devices");
            assertThat(yard).hasSize(1);
            assertThat(yard.get(0).path("restPort").asInt()).isEqualTo(5555);
            assertThat(yard.get(0).path("webSocketPort").asInt()).isEqualTo(5679);
            assertThat(yard.get(0).has("receivers")).isFalse();
            assertThat(hub.metrics()).containsPattern(
                    "gatehouse_device_state\\{device=\"lobby\",state=\"(CONNECTING|OFFLINE)\"} 1.0");
        }
    }

    @Test
    void devicesSurviveARestartWithTheirAddressesAndThePasswordIsStoredEncrypted() throws Exception {
        String push;
        try (DeviceHub hub = new DeviceHub(data)) {
            push = hub.register(LOBBY).path("receivers").path("push").asText().replaceAll(":\\d+/", ":PORT/");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("gatehouse.db"));
             ResultSet r = c.createStatement().executeQuery("SELECT spec_json, password_enc FROM devices")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1) + r.getString(2)).doesNotContain("s3cret-Pa55");
            assertThat(r.getString(2)).startsWith("v1:");
        }
        assertThat(Files.getPosixFilePermissions(data.resolve(DeviceSecrets.FILE)))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        try (DeviceHub hub = new DeviceHub(data)) {
            JsonNode lobby = hub.get("/api/devices/lobby");
            assertThat(lobby.path("receivers").path("push").asText().replaceAll(":\\d+/", ":PORT/")).isEqualTo(push);
            TerminalSpec spec = (TerminalSpec) hub.hub.hub.devices().registry().get("lobby").orElseThrow()
                    .device().spec();
            assertThat(spec.password()).isEqualTo("s3cret-Pa55");
            assertThat(spec.toString()).doesNotContain("s3cret-Pa55");
        }
    }

    @Test
    void withTheKeyLostTheHubStartsAndAsksForThePasswordAgain() throws Exception {
        try (DeviceHub hub = new DeviceHub(data)) {
            hub.register(LOBBY);
        }
        Files.delete(data.resolve(DeviceSecrets.FILE));

        try (DeviceHub hub = new DeviceHub(data)) {
            JsonNode lobby = hub.get("/api/devices/lobby");
            assertThat(lobby.path("passwordSet").asBoolean()).isFalse();
            assertThat(lobby.path("lastError").path("message").asText())
                    .contains("does not decrypt", "set the password again");
            assertThat(patch(hub, "lobby", "{\"password\": \"new-one\"}").statusCode()).isEqualTo(200);
        }
        try (DeviceHub hub = new DeviceHub(data)) {
            TerminalSpec spec = (TerminalSpec) hub.hub.hub.devices().registry().get("lobby").orElseThrow()
                    .device().spec();
            assertThat(spec.password()).isEqualTo("new-one");
        }
    }

    @Test
    void aChangeKeepsWhatItDoesNotNameAndIsAuditedWithWhoAsked() throws Exception {
        try (DeviceHub hub = new DeviceHub(data)) {
            hub.register(LOBBY);

            HttpResponse<String> changed = hub.hub.send(hub.hub.request("/api/devices/lobby")
                    .header("X-Gatehouse-Actor", "maria@site")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"channels\": [\"push\", \"websocket\"],"
                            + " \"name\": \"Lobby west\"}")).build());

            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
            JsonNode lobby = TestHub.json(changed);
            assertThat(lobby.path("name").asText()).isEqualTo("Lobby west");
            assertThat(lobby.path("channels")).extracting(JsonNode::asText).containsExactly("push", "websocket");
            assertThat(lobby.path("host").asText()).isEqualTo("192.0.2.21");
            assertThat(lobby.path("remoteAuthFallbackMinutes").asInt()).isEqualTo(2);
            assertThat(lobby.path("passwordSet").asBoolean()).isTrue();
            JsonNode audit = hub.get("/api/devices/lobby/audit").path("entries");
            assertThat(audit).hasSizeGreaterThanOrEqualTo(1);
            assertThat(audit.get(0).path("action").asText()).isEqualTo("device-changed");
            assertThat(audit.get(0).path("actor").asText()).isEqualTo("maria@site");
            assertThat(audit.toString()).doesNotContain("s3cret-Pa55");
        }
    }

    @Test
    void anOperatorNamedInAnotherScriptIsAuditedByName() throws Exception {
        try (DeviceHub hub = new DeviceHub(data)) {
            hub.register(LOBBY);
            // as the console sends it: encodeURIComponent of the name (HTTP headers are ASCII)
            String[][] sent = {
                {"%E7%8E%8B%E4%BA%94", "王五"},
                {"Jos%C3%A9%20Garc%C3%ADa", "José García"},
                {"50%25", "50%"},
                {"%E7%8E%8B%0A%E4%BA%94", "admin"},   // a line break would forge a line in an export
                {"%E7%8E", "admin"},                  // not UTF-8
                {"%zz", "admin"},
            };
            for (String[] actor : sent) {
                HttpResponse<String> changed = hub.hub.send(hub.hub.request("/api/devices/lobby")
                        .header("X-Gatehouse-Actor", actor[0])
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\": \"Lobby\"}")).build());
                assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
                assertThat(hub.get("/api/devices/lobby/audit").path("entries").get(0).path("actor").asText())
                        .as(actor[0]).isEqualTo(actor[1]);
            }
        }
    }

    @Test
    void aRemovedDeviceLosesItsReceiversAtOnce() throws Exception {
        try (DeviceHub hub = new DeviceHub(data)) {
            String push = hub.register(LOBBY).path("receivers").path("push").asText();

            HttpResponse<String> removed = hub.hub.send(hub.hub.request("/api/devices/lobby").DELETE().build());

            assertThat(removed.statusCode()).isEqualTo(204);
            assertThat(hub.hub.get("/api/devices/lobby").statusCode()).isEqualTo(404);
            assertThat(hub.deviceSends(push, Samples.bytes("sense-push-recognition-v1.3.0.json")).statusCode())
                    .isEqualTo(404);
            assertThat(hub.metrics()).doesNotContain("device=\"lobby\"");
        }
    }

    @Test
    void conflictsAreRefusedWithTheFieldAtFault() throws Exception {
        try (DeviceHub hub = new DeviceHub(data)) {
            hub.register(LOBBY);
            hub.register("{\"kind\": \"terminal\", \"id\": \"side\", \"host\": \"192.0.2.22\", \"serial\": \"PSC-1\"}");

            expect(hub.post("/api/devices", LOBBY), 409, "id");
            expect(hub.post("/api/devices", "{\"kind\": \"terminal\", \"host\": \"192.0.2.23\", \"serial\": \"PSC-1\"}"),
                    409, "serial");
            expect(patch(hub, "lobby", "{\"kind\": \"se-box\"}"), 400, "kind");
            expect(patch(hub, "lobby", "{\"id\": \"other\"}"), 400, "id");
            expect(patch(hub, "nobody", "{\"name\": \"x\"}"), 404, "id");
        }
    }

    @Test
    void hostileBodiesAndParametersGetAClearErrorAndChangeNothing() throws Exception {
        try (DeviceHub hub = new DeviceHub(data)) {
            expect(hub.post("/api/devices", ""), 400, "body");
            expect(hub.post("/api/devices", "[1, 2]"), 400, "body");
            expect(hub.post("/api/devices", "{\"kind\": \"terminal\", \"host\": \"h\","), 400, "host"); // where it broke off
            expect(hub.post("/api/devices", "{\"kind\": \"toaster\", \"host\": \"h\"}"), 400, "kind");
            expect(hub.post("/api/devices", "{\"kind\": \"terminal\"}"), 400, "host");
            expect(hub.post("/api/devices", "{\"kind\": \"terminal\", \"host\": \"http://192.0.2.1/\"}"), 400, "host");
            expect(hub.post("/api/devices", "{\"kind\": \"terminal\", \"host\": \"h\", \"chanels\": []}"), 400, "chanels");
            expect(hub.post("/api/devices", "{\"kind\": \"terminal\", \"host\": \"h\", \"port\": 70000}"), 400, "port");
            expect(hub.post("/api/devices", "{\"kind\": \"terminal\", \"host\": \"h\", \"port\": \"eighty\"}"), 400, "port");
            expect(hub.post("/api/devices", "{\"kind\": \"terminal\", \"host\": \"h\", \"channels\": [\"push\", \"push\"]}"),
                    400, "channels[1]");
            expect(hub.post("/api/devices", "{\"kind\": \"terminal\", \"host\": \"h\", \"channels\": [\"fax\"]}"),
                    400, "channels[0]");
            expect(hub.post("/api/devices", "{\"kind\": \"terminal\", \"host\": \"h\", \"id\": \"../etc\"}"), 400, "id");
            expect(hub.post("/api/devices", "{\"kind\": \"terminal\", \"host\": \"h\", \"name\": \"a\\u0000b\"}"), 400, "name");
            expect(hub.post("/api/devices", "{\"kind\": \"terminal\", \"host\": \"h\", \"trust\": {\"mode\": \"ca-file\"}}"),
                    400, "trust.caFile");
            expect(hub.post("/api/devices", "{\"kind\": \"se-box\", \"host\": \"h\", \"version\": \"V7\"}"), 400, "version");
            expect(hub.post("/api/devices", "{\"kind\": \"se-box\", \"host\": \"h\", \"password\": \"x\"}"), 400, "password");
            HttpResponse<String> deep = hub.post("/api/devices", "[".repeat(100) + "]".repeat(100));
            assertThat(deep.statusCode()).isEqualTo(400);
            assertThat(TestHub.json(deep).path("reason").asText()).contains("nesting depth");
            expect(hub.post("/api/devices", "{\"kind\": \"terminal\", \"host\": \"" + "a".repeat(300) + "\"}"), 400, "host");
            HttpResponse<String> huge = hub.post("/api/devices", "{\"name\": \"" + "x".repeat(70_000) + "\"}");
            assertThat(huge.statusCode()).isEqualTo(413);
            assertThat(TestHub.json(huge).path("error").asText()).isEqualTo("too_large");
            expect(hub.hub.get("/api/devices?kind=toaster"), 400, "kind");
            expect(hub.hub.get("/api/devices?colour=red"), 400, "colour");
            assertThat(hub.hub.send(hub.hub.anonymous("/api/devices").build()).statusCode()).isEqualTo(401);

            assertThat(hub.get("/api/devices").path("devices")).isEmpty();
            assertThat(hub.hub.send(hub.hub.anonymous("/health/live").build()).statusCode()).isEqualTo(200);
        }
    }

    private static HttpResponse<String> patch(DeviceHub hub, String id, String body) throws Exception {
        return hub.hub.send(hub.hub.request("/api/devices/" + id)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static void expect(HttpResponse<String> response, int status, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = TestHub.json(response);
        assertThat(body.path("field").asText()).as(response.body()).isEqualTo(field);
        assertThat(body.path("reason").asText()).isNotBlank();
    }

}
