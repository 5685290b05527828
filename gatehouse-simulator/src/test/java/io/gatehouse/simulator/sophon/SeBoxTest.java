package io.gatehouse.simulator.sophon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.json.Json;
import io.gatehouse.protocol.sense.SenseVersion;
import io.gatehouse.protocol.sophon.SophonVersion;
import io.gatehouse.simulator.Await;
import io.gatehouse.simulator.Samples;
import io.gatehouse.simulator.SimulatedSite;
import io.gatehouse.simulator.SiteConfig;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SE box as seed 004 describes it: cameras from REST on 5555; on 5679 nothing until the client's
 * configuration, then the recognitions of the listed cameras only, images only when asked for; a new
 * configuration replaces the old. One V5 box and one V6 box, two cameras each.
 */
class SeBoxTest {
    private static SimulatedSite v5Site;
    private static SimulatedSite v6Site;
    private static WebSocketClient sockets;

    @BeforeAll
    static void start() throws Exception {
        SiteConfig boxes = SiteConfig.forTests().withDevices(0, 1, 2);
        v5Site = SimulatedSite.start(boxes.withVersions(List.of(SenseVersion.V1_3_0), SophonVersion.V5));
        v6Site = SimulatedSite.start(boxes.withFirstAddress("127.0.0.2").withVersions(List.of(SenseVersion.V1_3_0), SophonVersion.V6));
        sockets = v5Site.vertx().createWebSocketClient();
    }

    @AfterAll
    static void stop() throws Exception {
        v5Site.close();
        v6Site.close();
    }

    private static SeBox v5() {
        return v5Site.boxes().get(0);
    }

    private static SeBox v6() {
        return v6Site.boxes().get(0);
    }

    /** A client connection and what it received: text messages, and the close status and reason. */
    record Client(WebSocket socket, List<String> inbox, AtomicReference<String> closed) {
        void send(String text) {
            Await.result(socket.writeTextMessage(text));
        }
    }

    private static Client connect(SeBox box) {
        List<String> inbox = new CopyOnWriteArrayList<>();
        AtomicReference<String> closed = new AtomicReference<>();
        WebSocket socket = Await.result(sockets.connect(new WebSocketConnectOptions().setHost(box.address())
                .setPort(box.webSocketPort()).setURI("/")));
        socket.textMessageHandler(inbox::add);
        socket.closeHandler(v -> closed.set(socket.closeStatusCode() + " " + socket.closeReason()));
        return new Client(socket, inbox, closed);
    }

    private static JsonNode parse(String text) {
        try {
            return Json.standard().parse(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** Waits until the box has applied a configuration: a sighting at {@code camera} reaches someone. */
    private static void awaitConfigured(SeBox box, String camera) {
        await().atMost(Duration.ofSeconds(5)).until(() -> Await.result(box.recognize("1", camera)).sentTo() > 0);
    }

    /** {@code person} walks past {@code camera}; returns the event as {@code client} received it. */
    private static JsonNode sighting(Client client, SeBox box, String person, String camera) {
        SeBox.Sighting sighting = Await.result(box.recognize(person, camera));
        assertThat(sighting.sentTo()).isPositive();
        return await().atMost(Duration.ofSeconds(5)).until(() -> client.inbox().stream().map(SeBoxTest::parse)
                .filter(e -> e.path("event_id").asText().equals(sighting.eventId())).findFirst().orElse(null),
                e -> e != null);
    }

    @Test
    void theCameraListHasTheShapeOfTheSample() {
        var response = Await.result(WebClient.create(v5Site.vertx())
                .get(v5().restPort(), v5().address(), "/SophonDevice/api/Devices").send());
        JsonNode list = parse(response.bodyAsString());

        assertThat(Samples.shape(list)).isEqualTo(Samples.shape(Samples.json("sophon-devices-response.json")));
        assertThat(list.path("data").path("devices_list").findValuesAsText("device_id"))
                .containsExactlyElementsOf(v5().cameras().stream().map(Camera::id).toList());
    }

    @Test
    void nothingIsSentBeforeTheConfigurationAndOnlyListedCamerasAfterIt() {
        Client client = connect(v5());
        String listed = v5().cameras().get(0).id();
        String other = v5().cameras().get(1).id();
        assertThat(Await.result(v5().recognize("1", listed)).sentTo()).as("not configured yet").isZero();

        client.send("{\"need_face\":false,\"need_register\":false,\"event_list\":[\"" + listed + "\"]}");
        awaitConfigured(v5(), listed);
        SeBox.Sighting unlisted = Await.result(v5().recognize("2", other));
        JsonNode event = sighting(client, v5(), "3", listed);

        assertThat(unlisted.sentTo()).isZero();
        assertThat(event.path("device_id").asText()).isEqualTo(listed);
        assertThat(client.inbox()).noneMatch(text -> text.contains(other));
        Await.result(client.socket().close());
    }

    @Test
    void v5EventsHaveTheSamplesFieldsWithImagesOnlyWhenAsked() {
        Client client = connect(v5());
        String camera = v5().cameras().get(1).id();
        ObjectNode config = (ObjectNode) Samples.json("sophon-ws-config-v5.json");
        config.putArray("event_list").add(camera);
        client.send(config.toString()); // need_face and need_register true
        awaitConfigured(v5(), camera);

        JsonNode withImages = sighting(client, v5(), "1", camera);
        assertThat(Samples.shape(withImages)).isEqualTo(Samples.shape(Samples.json("sophon-ws-event-v5.json")));

        client.send("{\"need_face\":false,\"need_register\":false,\"event_list\":[\"" + camera + "\"]}");
        await().atMost(Duration.ofSeconds(5)).until(() -> !sighting(client, v5(), "1", camera).has("reg_pic"));
        JsonNode plain = sighting(client, v5(), "2", camera);
        assertThat(Samples.shape(plain)).isEqualTo(Samples.shapeWithout(Samples.json("sophon-ws-event-v5.json"),
                Set.of("reg_pic", "ext_data.spot_pic", "ext_data.recognize_face")));
        Await.result(client.socket().close());
    }

    @Test
    void v6EventsHaveTheSamplesFieldsAndAStrangerHasNoRegisteredImage() {
        Client client = connect(v6());
        String camera = v6().cameras().get(0).id();
        client.send("{\"with_face_image\":true,\"with_register_image\":true,\"media_device_ids\":[\"" + camera + "\"]}");
        awaitConfigured(v6(), camera);

        JsonNode employee = sighting(client, v6(), "1", camera);
        assertThat(Samples.shape(employee)).isEqualTo(Samples.shape(Samples.json("sophon-ws-event-v6.json")));
        assertThat(employee.path("register_image").asText()).startsWith("data:image/jpeg;base64,/9j/");
        assertThat(employee.path("score").asDouble()).as("0..100 scale").isGreaterThan(1);

        JsonNode stranger = sighting(client, v6(), "stranger", camera);
        assertThat(stranger.path("user_type").asText()).isEqualTo("stranger");
        assertThat(stranger.has("register_image")).isFalse();
        Await.result(client.socket().close());
    }

    @Test
    void theV6SampleConfigurationIsAcceptedAndANewOneReplacesIt() {
        Client client = connect(v6());
        String first = v6().cameras().get(0).id();
        String second = v6().cameras().get(1).id();
        ObjectNode config = (ObjectNode) Samples.json("sophon-ws-config-v6.json");
        config.putArray("media_device_ids").add(first);
        client.send(config.toString());
        awaitConfigured(v6(), first);

        client.send("{\"with_face_image\":false,\"with_register_image\":false,\"media_device_ids\":[\"" + second + "\"]}");
        awaitConfigured(v6(), second);

        assertThat(Await.result(v6().recognize("1", first)).sentTo()).as("the old list no longer applies").isZero();
        Await.result(client.socket().close());
    }

    @Test
    void thePythonLiteralOfTheDocumentIsRefusedWithAReason() {
        Client client = connect(v5());
        client.send("{'need_face':True, 'need_register':True, 'event_list':['" + v5().cameras().get(0).id() + "']}");

        await().atMost(Duration.ofSeconds(5)).until(() -> client.closed().get() != null);
        assertThat(client.closed().get()).startsWith("1007").contains("Python dict literal");
    }

    @Test
    void theOtherVersionsFieldNamesAreRefusedNamingTheRightOnes() {
        Client client = connect(v6());
        client.send(Samples.text("sophon-ws-config-v5.json"));

        await().atMost(Duration.ofSeconds(5)).until(() -> client.closed().get() != null);
        assertThat(client.closed().get()).startsWith("1008").contains("media_device_ids");
    }

    @Test
    void anOversizedFrameClosesThatConnectionOnlyAndAnUnknownRestPathIsNotFound() {
        Client client = connect(v5());
        client.send("{\"event_list\":[\"" + "x".repeat(200_000) + "\"]}");
        await().atMost(Duration.ofSeconds(5)).until(() -> client.closed().get() != null);
        assertThat(client.closed().get()).startsWith("1009");

        var response = Await.result(WebClient.create(v5Site.vertx())
                .get(v5().restPort(), v5().address(), "/SophonDevice/api/Nothing").send());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(parse(response.bodyAsString()).path("msg").asText()).contains("/SophonDevice/api/Devices");

        Client next = connect(v5());
        next.send("{\"event_list\":[\"" + v5().cameras().get(0).id() + "\"]}");
        awaitConfigured(v5(), v5().cameras().get(0).id());
        Await.result(next.socket().close());
    }

    @Test
    void malformedOrMistypedConfigurationsAreRefusedAndTheBoxCarriesOn() {
        for (String bad : List.of("{\"event_list\":", "[1,2]", "{\"event_list\":\"all\"}", "{\"need_face\":\"yes\"}")) {
            Client client = connect(v5());
            client.send(bad);
            await().atMost(Duration.ofSeconds(5)).until(() -> client.closed().get() != null);
            assertThat(client.closed().get()).as(bad).startsWith("1007");
        }
        Client good = connect(v5());
        good.send("{\"event_list\":[\"" + v5().cameras().get(0).id() + "\"]}");
        awaitConfigured(v5(), v5().cameras().get(0).id());
        Await.result(good.socket().close());
    }
}
