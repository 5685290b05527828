package io.gatehouse.simulator.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.sense.SenseVersion;
import io.gatehouse.protocol.sophon.SophonVersion;
import io.gatehouse.simulator.Await;
import io.gatehouse.simulator.Samples;
import io.gatehouse.simulator.SimulatedSite;
import io.gatehouse.simulator.SiteConfig;
import io.gatehouse.simulator.TerminalClient;
import io.gatehouse.simulator.TestReceiver;
import io.gatehouse.simulator.TestSites;
import io.gatehouse.simulator.roster.Roster;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Given the samples of the protocol reference, what each emulated terminal sends has exactly their fields and
 * types, version by version, and what a client sends as the samples show is accepted. The samples were written
 * from the vendor documents; nothing here is compared with the emulator's own output.
 */
class TerminalConformanceTest {
    private static SimulatedSite site;
    private static TestReceiver receiver;

    @BeforeAll
    static void start() throws Exception {
        site = SimulatedSite.start(SiteConfig.forTests().withDevices(4, 0, 0).withCredentials("admin", "pwd")
                .withRoster(TestSites.roster())
                .withVersions(List.of(SenseVersion.V0_0_8, SenseVersion.V1_1_0, SenseVersion.V1_2_1, SenseVersion.V1_3_0),
                        SophonVersion.V5));
        receiver = new TestReceiver(site.vertx());
    }

    @AfterAll
    static void stop() throws Exception {
        site.close();
    }

    private static JsonNode pushFor(Terminal terminal, String personId) {
        try (TerminalClient client = new TerminalClient(site.vertx(), terminal)) {
            TestSites.subscribe(client, receiver.url("/push/" + terminal.serial()));
        }
        int before = receiver.pushes.size();
        Await.result(terminal.recognize(personId, null));
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> receiver.pushes.subList(before, receiver.pushes.size()).stream().map(TestReceiver.Received::json)
                        .filter(p -> p.path("data").path("deviceSN").asText().equals(terminal.serial()))
                        .findFirst().orElse(null),
                p -> p != null);
    }

    @ParameterizedTest(name = "{0} pushes the fields of {1}")
    @CsvSource({
        "v0.0.8, sense-push-recognition-v0.0.8.json",
        "v1.1.0, sense-push-recognition-v1.1.0.json",
        "v1.2.1, sense-ws-recognition-v1.2.1.json",
        "v1.3.0, sense-push-recognition-v1.3.0.json",
    })
    void aRecognitionRecordHasTheFieldsAndTypesOfItsVersionsSample(String version, String sample) {
        JsonNode pushed = pushFor(TestSites.byVersion(site, version), "1");

        assertThat(Samples.shape(pushed)).isEqualTo(Samples.shape(Samples.json(sample)));
    }

    @Test
    void aStrangersRecordCarriesAnEmptyUser() {
        JsonNode pushed = pushFor(TestSites.byVersion(site, "v1.3.0"), Roster.STRANGER);

        assertThat(Samples.shape(pushed)).isEqualTo(Samples.shape(Samples.json("tolerant/sense-push-stranger-empty-user.json")));
        assertThat(pushed.path("data").path("recognitionType").asInt()).isEqualTo(3);
        assertThat(pushed.path("data").path("pass").asBoolean()).isFalse();
    }

    @Test
    void aV1_1_0RecordWritesUserIdAsAnIntegerAndTheNewModeTable() {
        JsonNode data = pushFor(TestSites.byVersion(site, "v1.1.0"), "2").path("data");

        assertThat(data.path("user").path("user_id").isIntegralNumber()).isTrue();
        assertThat(data.path("mode").asInt()).as("face or card or QR or PIN in the v1.1.0 table").isEqualTo(3);
    }

    @Test
    void aV0_0_8RecordUsesTheOldModeTable() {
        JsonNode data = pushFor(TestSites.byVersion(site, "v0.0.8"), "2").path("data");

        assertThat(data.path("mode").asInt()).as("face or card or QR in the old table").isEqualTo(2);
        assertThat(data.path("recognizeStatus").asInt()).isEqualTo(2);
    }

    @Test
    void theRemoteAuthorizationRequestHasTheFieldsOfTheSample() {
        Terminal terminal = TestSites.byVersion(site, "v1.3.0");
        try (TerminalClient client = new TerminalClient(site.vertx(), terminal)) {
            TestSites.authMode(client, 1, receiver.url("/auth"), 0);
            int before = receiver.authRequests.size();
            Await.result(terminal.recognize(TestSites.UNGROUPED, null));
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.authRequests.size() > before);
            JsonNode request = receiver.authRequests.get(before).json();

            assertThat(Samples.shape(request)).isEqualTo(Samples.shape(Samples.json("sense-remote-auth-request-v1.3.0.json")));
            TestSites.authMode(client, 0, "", 0);
        }
    }

    @Test
    void anAlarmHasTheFieldsOfTheSampleWithoutTheOptionalPhoto() {
        Terminal terminal = TestSites.byVersion(site, "v1.3.0");
        try (TerminalClient client = new TerminalClient(site.vertx(), terminal)) {
            TestSites.subscribe(client, receiver.url("/push/alarms"));
        }
        var alarm = Await.result(terminal.raiseAlarm(10001, 1, "tamper switch opened"));
        JsonNode pushed = await().atMost(Duration.ofSeconds(10)).until(() -> receiver.pushes.stream()
                .map(TestReceiver.Received::json)
                .filter(p -> p.path("data").path("trace_id").asText().equals(alarm.traceId())).findFirst().orElse(null),
                p -> p != null);

        assertThat(Samples.shape(pushed)).isEqualTo(
                Samples.shapeWithout(Samples.json("sense-push-alarm-v1.3.0.json"), Set.of("data.alarm_photo")));
        assertThat(pushed.path("type").asInt()).isEqualTo(1);
    }

    @Test
    void theLoginSampleLogsIn() {
        try (TerminalClient client = new TerminalClient(site.vertx(), site.terminals().get(0))) {
            TerminalClient.Reply reply = client.post("/v1/auth/login", null, Samples.text("sense-login-request.json"));

            assertThat(reply.code()).isEqualTo(200);
            assertThat(reply.data().path("token").asText()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        }
    }

    @Test
    void theSubscribeSampleIsAcceptedAndReadBack() {
        ObjectNode sample = (ObjectNode) Samples.json("sense-subscribe-config.json");
        sample.put("event_dest", receiver.url("/eventRcv")); // the sample's address is not on this machine
        try (TerminalClient client = new TerminalClient(site.vertx(), site.terminals().get(1))) {
            assertThat(client.post("/v1/event/subscribe", client.basic(), sample.toString()).code()).isEqualTo(200);

            TerminalClient.Reply read = client.get("/v1/event/subscribe", client.basic());
            assertThat(read.data()).isEqualTo(sample);
        }
    }

    @Test
    void theDeviceFunctionsSampleIsAcceptedAndReadBack() {
        ObjectNode sample = (ObjectNode) Samples.json("sense-device-functions.json");
        sample.put("remote_authentication_address", receiver.url("/auth/"));
        try (TerminalClient client = new TerminalClient(site.vertx(), site.terminals().get(2))) {
            assertThat(client.post("/v1/device/functions", client.basic(), sample.toString()).code()).isEqualTo(200);

            assertThat(client.get("/v1/device/functions", client.basic()).data()).isEqualTo(sample);
            TestSites.authMode(client, 0, "", 0);
        }
    }

    @Test
    void theRecordsQuerySampleGetsAPageOfRecordsInTheTerminalsVersion() {
        Terminal terminal = TestSites.byVersion(site, "v1.2.1");
        Await.result(terminal.recognize("3", null));
        try (TerminalClient client = new TerminalClient(site.vertx(), terminal)) {
            TerminalClient.Reply sampleWindow = client.post("/v1/event/records", client.basic(),
                    Samples.text("sense-records-query.json"));
            assertThat(sampleWindow.code()).isEqualTo(200);
            assertThat(sampleWindow.data().path("items").isArray()).isTrue();
            assertThat(sampleWindow.data().path("limit").asInt()).isEqualTo(100);

            TerminalClient.Reply all = client.post("/v1/event/records", client.basic(), "{\"limit\":1,\"sort\":1}");
            JsonNode item = all.data().path("items").get(0);
            assertThat(Samples.shape(item)).isEqualTo(Samples.shape(Samples.json("sense-ws-recognition-v1.2.1.json").path("data")));
            assertThat(all.data().path("count").asInt()).isEqualTo(1);
            assertThat(all.data().path("total").asInt()).isGreaterThanOrEqualTo(1);
        }
    }
}
