package io.gatehouse.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.server.DevicePayloads;
import io.gatehouse.server.device.DeviceHub;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remote-authorization receiver with the hub's access engine: a terminal asks, the directory decides, the
 * terminal gets the documented answer; the request is stored; the passage record pushed afterwards is linked to
 * the decision, so that one query tells the whole walk-up.
 */
class RemoteAuthReceiverTest {
    static final String SERIAL = "PSC700C0MC22F02542";
    static final String DIRECTORY = """
            {"sites": [{"id": "hq", "name": "Head office", "zone": "UTC"}],
             "groups": [{"id": "staff", "name": "Staff"}],
             "doors": [{"id": "main", "name": "Main entrance", "siteId": "hq", "deviceSerial": "PSC700C0MC22F02542"}],
             "people": [{"id": "anna", "name": "Anna", "type": "employee", "groupIds": ["staff"]},
                        {"id": "carl", "name": "Carl", "type": "employee"}],
             "rules": [{"id": "staff-main", "groupId": "staff", "doorId": "main"}]}
            """;
    private static final Instant T0 = Instant.now().minusSeconds(5);

    @TempDir
    Path data;

    @Test
    void theDoorGetsTheDecisionTheRequestIsStoredAndThePassageIsLinked() throws Exception {
        try (DeviceHub hub = new DeviceHub(data)) {
            JsonNode device = hub.registerTerminal("main-door", SERIAL, "remote-auth");
            String auth = device.path("receivers").path("auth").asText();
            String push = device.path("receivers").path("push").asText();
            loadDirectory(hub);

            HttpResponse<String> allowed = ask(hub, auth, "anna", "Anna", T0);
            HttpResponse<String> refused = ask(hub, auth, "carl", "Carl", T0.plusSeconds(2));

            assertThat(allowed.statusCode()).isEqualTo(200);
            JsonNode yes = DeviceHub.json(allowed.body());
            assertThat(yes.path("code").asInt()).isEqualTo(200);
            assertThat(yes.path("data").path("pass").asBoolean()).isTrue();
            assertThat(yes.path("data").path("customtips").asText()).isEqualTo("Hi Anna");
            assertThat(yes.path("data").path("verify_code").asInt()).isEqualTo(2);
            JsonNode no = DeviceHub.json(refused.body());
            assertThat(no.path("data").path("pass").asBoolean()).isFalse();
            assertThat(no.path("data").path("verify_code").asInt()).isEqualTo(3);

            // the terminal opened for Anna, not for Carl, and pushes both records
            pushRecord(hub, push, "rec-anna", "anna", "Anna", true, T0);
            pushRecord(hub, push, "rec-carl", "carl", "Carl", false, T0.plusSeconds(2));

            await().atMost(Duration.ofSeconds(20)).until(() ->
                    hub.get("/api/authorizations?linked=true").path("authorizations").size() == 2);
            JsonNode stories = hub.get("/api/authorizations").path("authorizations");
            JsonNode carl = stories.get(0);
            JsonNode anna = stories.get(1);
            assertThat(anna.path("summary").asText()).contains("allowed by rule staff-main", "door opened");
            assertThat(anna.path("answered").path("ruleId").asText()).isEqualTo("staff-main");
            assertThat(anna.path("door").path("opened").asBoolean()).isTrue();
            assertThat(anna.path("asked").path("requestEventSeq").isIntegralNumber()).isTrue();
            assertThat(carl.path("summary").asText()).contains("denied", "NO_RULE", "door stayed shut");
            assertThat(carl.path("door").path("opened").asBoolean()).isFalse();

            assertThat(hub.events("kind=AUTHORIZATION_REQUEST")).hasSize(2);
            assertThat(hub.events("kind=PASSAGE")).hasSize(2);
            JsonNode decisions = hub.get("/api/access/decisions").path("items");
            assertThat(decisions).allSatisfy(d -> assertThat(d.path("passageKey").asText()).startsWith("sense/" + SERIAL));
        }
    }

    @Test
    void byDefaultTheAnswerComesOnlyOnceTheDecisionIsOnRecord() throws Exception {
        try (DeviceHub hub = new DeviceHub(data)) {
            String auth = hub.registerTerminal("main-door", SERIAL, "remote-auth").path("receivers").path("auth").asText();
            loadDirectory(hub);

            for (int i = 0; i < 5; i++) {
                HttpResponse<String> answer = ask(hub, auth, i % 2 == 0 ? "anna" : "carl", "Anna", T0.plusSeconds(i));
                assertThat(answer.statusCode()).isEqualTo(200);

                // no waiting: the decision was committed before the door got its answer
                JsonNode logged = hub.get("/api/access/decisions").path("items");
                assertThat(logged).hasSize(i + 1);
                assertThat(logged.get(0).path("pass").asBoolean())
                        .isEqualTo(DeviceHub.json(answer.body()).path("data").path("pass").asBoolean());
            }
            // what the doors waited, as the hub saw it, for an operator to watch
            assertThat(hub.metrics()).contains("gatehouse_ingest_auth_answer_seconds_count 5");
        }
    }

    @Test
    void theHeartbeatAnswers200WhileTheHubCanDecide() throws Exception {
        try (DeviceHub hub = new DeviceHub(data)) {
            String auth = hub.registerTerminal("main-door", SERIAL, "remote-auth").path("receivers").path("auth").asText();
            loadDirectory(hub);

            HttpResponse<String> heartbeat = hub.deviceGets(auth);

            assertThat(heartbeat.statusCode()).isEqualTo(200);
            assertThat(DeviceHub.json(heartbeat.body()).path("code").asInt()).isEqualTo(200);
            assertThat(hub.get("/api/devices/main-door").path("counters").path("heartbeats").asInt())
                    .isEqualTo(1);
            assertThat(hub.hub.send(hub.hub.anonymous("/health/ready").build()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aRecordIsNotARequestAndARequestIsNotARecord() throws Exception {
        try (DeviceHub hub = new DeviceHub(data)) {
            JsonNode device = hub.registerTerminal("main-door", SERIAL, "remote-auth");
            byte[] record = DevicePayloads.recognition(SERIAL, "r-1", "anna", "Anna", true, T0, null).toString()
                    .getBytes(StandardCharsets.UTF_8);
            byte[] request = DevicePayloads.authorizationRequest(SERIAL, "anna", "Anna", T0, DevicePayloads.jpeg(100, 1))
                    .toString().getBytes(StandardCharsets.UTF_8);

            HttpResponse<String> recordAsked = hub.deviceSends(device.path("receivers").path("auth").asText(), record);
            HttpResponse<String> requestPushed = hub.deviceSends(device.path("receivers").path("push").asText(), request);

            assertThat(recordAsked.statusCode()).isEqualTo(400);
            assertThat(DeviceHub.json(recordAsked.body()).path("field").asText()).isEqualTo("deviceSN");
            assertThat(requestPushed.statusCode()).isEqualTo(422);
            assertThat(DeviceHub.json(requestPushed.body()).path("reason").asText())
                    .contains("expected a terminal event", "remote-authorization request");
            assertThat(hub.events("")).isEmpty();
        }
    }

    static void loadDirectory(DeviceHub hub) throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> hub.hub.get("/api/access/health").statusCode() == 200);
        HttpResponse<String> imported = hub.post("/api/access/import", DIRECTORY);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    }

    static HttpResponse<String> ask(DeviceHub hub, String auth, String user, String name, Instant at) throws Exception {
        return hub.deviceSends(auth, DevicePayloads.authorizationRequest(SERIAL, user, name, at,
                DevicePayloads.jpeg(500, user.hashCode())).toString().getBytes(StandardCharsets.UTF_8));
    }

    static void pushRecord(DeviceHub hub, String push, String uuid, String user, String name, boolean pass,
                           Instant at) throws Exception {
        HttpResponse<String> response = hub.deviceSends(push, DevicePayloads.recognition(SERIAL, uuid, user, name,
                pass, at, DevicePayloads.jpeg(500, uuid.hashCode())).toString().getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
