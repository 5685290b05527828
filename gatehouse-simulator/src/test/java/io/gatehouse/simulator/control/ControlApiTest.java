package io.gatehouse.simulator.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.protocol.json.Json;
import io.gatehouse.simulator.Await;
import io.gatehouse.simulator.SimulatedSite;
import io.gatehouse.simulator.SiteConfig;
import io.gatehouse.simulator.TerminalClient;
import io.gatehouse.simulator.TestReceiver;
import io.gatehouse.simulator.TestSites;
import io.gatehouse.simulator.terminal.Terminal;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The control API drives a running site the way docs/SIMULATOR.md says. */
class ControlApiTest {
    private static SimulatedSite site;
    private static ControlApi api;
    private static WebClient http;
    private static TestReceiver receiver;
    private static Terminal terminal;

    @BeforeAll
    static void start() throws Exception {
        site = SimulatedSite.start(SiteConfig.forTests().withDevices(1, 1, 2));
        api = Await.result(ControlApi.start(site, "127.0.0.1", 0));
        http = WebClient.create(site.vertx());
        receiver = new TestReceiver(site.vertx());
        terminal = site.terminals().get(0);
        try (TerminalClient client = new TerminalClient(site.vertx(), terminal)) {
            TestSites.subscribe(client, receiver.url("/push"));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
        site.close();
    }

    private static HttpResponse<Buffer> call(HttpMethod method, String path, String body) {
        var request = http.request(method, api.port(), "127.0.0.1", path);
        return Await.result(body == null ? request.send() : request.sendBuffer(Buffer.buffer(body)));
    }

    private static JsonNode json(HttpResponse<Buffer> response) {
        try {
            return Json.standard().parse(response.body().getBytes());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void listsEveryDeviceWithAddressPortsCredentialsAndCounters() {
        JsonNode devices = json(call(HttpMethod.GET, "/devices", null));

        assertThat(devices).hasSize(2);
        assertThat(devices.get(0).path("kind").asText()).isEqualTo("terminal");
        assertThat(devices.get(0).path("username").asText()).isEqualTo("admin");
        assertThat(devices.get(0).path("ports").path("https").asInt()).isEqualTo(terminal.port());
        assertThat(devices.get(1).path("kind").asText()).isEqualTo("se-box");
        assertThat(devices.get(1).path("cameras")).hasSize(2);
        assertThat(devices.get(0).path("counters").has("delivered")).isTrue();
    }

    @Test
    void triggersARecognitionForAGivenPersonAndCountsIt() {
        long before = terminal.counters().delivered();
        HttpResponse<Buffer> response = call(HttpMethod.POST, "/devices/" + terminal.serial() + "/recognitions",
                "{\"person\":\"2\",\"credential\":\"card\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode passage = json(response);
        assertThat(passage.path("pass").asBoolean()).isTrue();
        assertThat(passage.path("record").path("user").path("user_id").asText()).isEqualTo("2");
        await().atMost(Duration.ofSeconds(5)).until(() -> terminal.counters().delivered() == before + 1);
        assertThat(json(call(HttpMethod.GET, "/devices/" + terminal.serial() + "/counters", null))
                .path("delivered").asLong()).isEqualTo(before + 1);
    }

    @Test
    void triggersASightingAtABoxCamera() {
        var box = site.boxes().get(0);
        JsonNode sighting = json(call(HttpMethod.POST, "/devices/" + box.serial() + "/recognitions",
                "{\"person\":\"stranger\",\"camera\":\"" + box.cameras().get(1).id() + "\"}"));

        assertThat(sighting.path("camera").asText()).isEqualTo(box.cameras().get(1).id());
        assertThat(sighting.path("sent_to").asInt()).isZero();
    }

    @Test
    void raisesAnAlarm() {
        JsonNode alarm = json(call(HttpMethod.POST, "/devices/" + terminal.serial() + "/alarms",
                "{\"code\":20003,\"status\":1,\"description\":\"fire\"}"));

        assertThat(alarm.path("code").asInt()).isEqualTo(20003);
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.pushes.stream()
                .anyMatch(p -> p.json().path("type").asInt() == 1));
    }

    @Test
    void takesTheNetworkDownAndBringsItBack() {
        JsonNode down = json(call(HttpMethod.PUT, "/devices/" + terminal.serial() + "/network", "{\"state\":\"down\"}"));
        assertThat(down.path("network").asText()).isEqualTo("down");
        call(HttpMethod.POST, "/devices/" + terminal.serial() + "/recognitions", "{\"person\":\"1\"}");
        await().atMost(Duration.ofSeconds(5)).until(() -> terminal.counters().cacheSize() == 1);

        JsonNode slow = json(call(HttpMethod.PUT, "/devices/" + terminal.serial() + "/network", "{\"state\":\"slow\",\"delay_ms\":50}"));
        assertThat(slow.path("network").asText()).isEqualTo("slow 50 ms");
        await().atMost(Duration.ofSeconds(5)).until(() -> terminal.counters().cacheSize() == 0);
        call(HttpMethod.PUT, "/devices/" + terminal.serial() + "/network", "{\"state\":\"up\"}");
    }

    @Test
    void sendsAMalformedPushThatTheReceiverCannotRead() {
        int before = receiver.pushes.size();
        JsonNode counters = json(call(HttpMethod.POST, "/devices/" + terminal.serial() + "/malformed", "{\"channel\":\"push\"}"));

        assertThat(counters.path("malformed_sent").asLong()).isPositive();
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.pushes.size() > before);
        byte[] body = receiver.pushes.get(receiver.pushes.size() - 1).body();
        assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).startsWith("{\"type\":0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Json.standard().parse(body))
                .isInstanceOf(io.gatehouse.protocol.json.DecodeException.class);
    }

    @Test
    void badRequestsGetAClearError() {
        assertThat(call(HttpMethod.GET, "/devices/NOPE", null).statusCode()).isEqualTo(404);
        assertThat(call(HttpMethod.POST, "/devices/" + terminal.serial() + "/recognitions", "{\"person\":\"999\"}")
                .statusCode()).isEqualTo(400);
        assertThat(call(HttpMethod.PUT, "/devices/" + terminal.serial() + "/network", "{\"state\":\"sideways\"}")
                .statusCode()).isEqualTo(400);
        assertThat(call(HttpMethod.POST, "/devices/" + terminal.serial() + "/alarms", "{not json").statusCode()).isEqualTo(400);
        assertThat(json(call(HttpMethod.POST, "/devices/" + terminal.serial() + "/malformed", "{\"channel\":\"smoke\"}"))
                .path("error").asText()).contains("push or websocket");
    }
}
