package io.gatehouse.server.forward;

import static io.gatehouse.server.DevicePayloads.pushed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.server.TestHub;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttServer;
import io.vertx.mqtt.MqttServerOptions;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forwarding to an MQTT broker. The broker is Vert.x MQTT's server on loopback, acting as a broker does towards a
 * publisher: it checks the user and password and acknowledges each QoS 1 publication (or drops the connection, to
 * play a broker that restarts).
 */
class MqttForwardingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-01-01T08:00:00Z");

    @TempDir
    Path data;

    private Vertx vertx;
    private MqttServer broker;
    private final List<Publication> published = new CopyOnWriteArrayList<>();
    private final AtomicInteger dropNext = new AtomicInteger();

    private record Publication(String topic, MqttQoS qos, JsonNode body) {
    }

    @BeforeEach
    void startBroker() throws Exception {
        vertx = Vertx.vertx();
        broker = MqttServer.create(vertx, new MqttServerOptions().setHost("127.0.0.1").setPort(0))
                .endpointHandler(endpoint -> {
                    if (endpoint.auth() == null || !"gatehouse".equals(endpoint.auth().getUsername())
                            || !"broker-password-123456".equals(endpoint.auth().getPassword())) {
                        endpoint.reject(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
                        return;
                    }
                    endpoint.publishAutoAck(false);
                    endpoint.publishHandler(message -> {
                        if (dropNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                            endpoint.close();
                            return;
                        }
                        try {
                            published.add(new Publication(message.topicName(), message.qosLevel(),
                                    JSON.readTree(message.payload().getBytes())));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        endpoint.publishAcknowledge(message.messageId());
                    });
                    endpoint.accept(false);
                })
                .listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopBroker() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void eachEventIsPublishedWithQos1ToItsTopicInOrderAlsoAcrossABrokerRestart() throws Exception {
        try (TestHub hub = new TestHub(data)) {
            dropNext.set(2);
            HttpResponse<String> added = send(hub, "POST", "/api/forwarding", "{\"id\": \"bms\", \"url\": \"mqtt://127.0.0.1:"
                    + broker.actualPort() + "\", \"topic\": \"site-a/{deviceId}/{type}\", \"username\": \"gatehouse\","
                    + " \"secret\": \"broker-password-123456\"}");
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
            assertThat(TestHub.json(added).has("secret")).isFalse();
            for (int i = 0; i < 12; i++) {
                hub.append(pushed("m-" + i, "p" + i, "Li", true, T0.plusSeconds(i)));
            }
            await(() -> published.size() >= 12);
            assertThat(published.stream().map(p -> p.body().path("seq").asLong()).toList())
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 12).boxed().toList());
            assertThat(published).allSatisfy(p -> {
                assertThat(p.topic()).isEqualTo("site-a/door-1/access");
                assertThat(p.qos()).isEqualTo(MqttQoS.AT_LEAST_ONCE);
            });
            JsonNode status = TestHub.json(hub.get("/api/forwarding/bms"));
            assertThat(status.path("consecutiveFailures").asInt()).isZero();
            assertThat(status.path("lastError").asText()).as("the dropped connections were failures")
                    .isNotEmpty();
            assertThat(status.path("topic").asText()).isEqualTo("site-a/{deviceId}/{type}");
        }
    }

    @Test
    void aBrokerThatRefusesTheCredentialsShowsAsRetryingWithTheReason() throws Exception {
        try (TestHub hub = new TestHub(data)) {
            assertThat(send(hub, "POST", "/api/forwarding", "{\"id\": \"bms\", \"url\": \"mqtt://127.0.0.1:"
                    + broker.actualPort() + "\", \"username\": \"gatehouse\", \"secret\": \"not-the-password-000\"}")
                    .statusCode()).isEqualTo(201);
            hub.append(pushed("x-1", "p1", "Li", true, T0));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            JsonNode status;
            do {
                Thread.sleep(50);
                status = TestHub.json(hub.get("/api/forwarding/bms"));
            } while (status.path("consecutiveFailures").asInt() == 0 && System.nanoTime() < deadline);
            assertThat(status.path("state").asText()).isEqualTo("retrying");
            assertThat(status.path("lastError").asText()).contains("cannot connect to the broker");
            assertThat(status.path("topic").asText()).as("the default topic").isEqualTo("gatehouse/events/{deviceId}");
            assertThat(published).isEmpty();
        }
    }

    @Test
    void mqttOnlyFieldsAreCheckedAgainstTheKindOfTarget() throws Exception {
        try (TestHub hub = new TestHub(data)) {
            String broker = "mqtt://127.0.0.1:" + this.broker.actualPort();
            assertRefused(send(hub, "POST", "/api/forwarding", "{\"id\": \"a\", \"url\": \"" + broker
                    + "\", \"topic\": \"site/#\"}"), "topic");
            assertRefused(send(hub, "POST", "/api/forwarding", "{\"id\": \"a\", \"url\": \"" + broker
                    + "\", \"topic\": \"site/{door}\"}"), "topic");
            assertRefused(send(hub, "POST", "/api/forwarding", "{\"id\": \"a\", \"url\": \"" + broker
                    + "\", \"username\": \"u\"}"), "secret");
            assertRefused(send(hub, "POST", "/api/forwarding", "{\"id\": \"a\", \"url\": \"http://127.0.0.1/x\","
                    + " \"topic\": \"t\"}"), "topic");
            assertThat(send(hub, "POST", "/api/forwarding", "{\"id\": \"a\", \"url\": \"" + broker + "\"}")
                    .statusCode()).isEqualTo(201);
            assertRefused(send(hub, "PATCH", "/api/forwarding/a", "{\"topic\": \"a/+/b\"}"), "topic");
            assertThat(TestHub.json(hub.get("/api/forwarding/a")).path("topic").asText())
                    .as("a refused change leaves the target as it was").isEqualTo("gatehouse/events/{deviceId}");
            HttpResponse<String> toWebhook = send(hub, "PATCH", "/api/forwarding/a", "{\"url\": \"http://127.0.0.1/x\"}");
            assertThat(toWebhook.statusCode()).as(toWebhook.body()).isEqualTo(200);
            assertThat(TestHub.json(toWebhook).has("topic")).isFalse();
        }
    }

    private static void assertRefused(HttpResponse<String> response, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(TestHub.json(response).path("field").asText()).as(response.body()).isEqualTo(field);
        assertThat(TestHub.json(response).path("error").asText()).as(response.body()).isEqualTo("bad_request");
    }

    private static HttpResponse<String> send(TestHub hub, String method, String path, String body) throws Exception {
        return hub.send(hub.request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 60 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
