package io.gatehouse.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.protocol.Samples;
import io.gatehouse.server.device.DeviceHub;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The record-push receiver, fed the protocol reference's recorded payloads the way a terminal POSTs them. */
class RecordPushReceiverTest {
    @TempDir
    Path data;

    @ParameterizedTest
    @ValueSource(strings = {"sense-push-recognition-v0.0.8.json", "sense-push-recognition-v1.1.0.json",
        "sense-push-recognition-v1.3.0.json", "tolerant/sense-push-unknown-field.json",
        "tolerant/sense-push-stranger-empty-user.json", "tolerant/sense-push-user-id-number.json"})
    void aRecordIsStoredOnceAndAnsweredWithItsOwnPass(String sample) throws Exception {
        byte[] payload = Samples.bytes(sample);
        boolean recordPass = DeviceHub.json(new String(payload, StandardCharsets.UTF_8)).path("data").path("pass")
                .asBoolean();
        try (DeviceHub hub = new DeviceHub(data)) {
            String push = hub.registerTerminal("door-1", null).path("receivers").path("push").asText();

            HttpResponse<String> first = hub.deviceSends(push, payload);
            HttpResponse<String> replay = hub.deviceSends(push, payload);

            assertThat(first.statusCode()).isEqualTo(200);
            JsonNode answer = DeviceHub.json(first.body());
            assertThat(answer.path("code").asInt()).isEqualTo(200);
            assertThat(answer.path("message").asText()).isEqualTo("success");
            assertThat(answer.path("data").path("pass").asBoolean()).isEqualTo(recordPass);
            assertThat(answer.path("data").has("customtips")).isFalse();
            assertThat(replay.statusCode()).isEqualTo(200);
            assertThat(replay.body()).isEqualTo(first.body());

            JsonNode events = hub.events("");
            assertThat(events).hasSize(1);
            assertThat(events.get(0).path("deviceId").asText()).isEqualTo("door-1");
            assertThat(events.get(0).path("channel").asText()).isEqualTo("RECORD_PUSH");
            JsonNode device = hub.get("/api/devices/door-1");
            assertThat(device.path("counters").path("stored").asInt()).isEqualTo(1);
            assertThat(device.path("counters").path("duplicates").asInt()).isEqualTo(1);
            assertThat(device.path("state").path("state").asText()).isEqualTo("ONLINE");
        }
    }

    @Test
    void anAlarmIsAnsweredWithEmptyData() throws Exception {
        try (DeviceHub hub = new DeviceHub(data)) {
            String push = hub.registerTerminal("door-1", null).path("receivers").path("push").asText();

            HttpResponse<String> response = hub.deviceSends(push, Samples.bytes("sense-push-alarm-v1.3.0.json"));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(DeviceHub.json(response.body()).path("data").size()).isZero();
            assertThat(hub.events("type=alarm")).hasSize(1);
        }
    }

    @Test
    void theFirstRecordTeachesTheSerialAndARecordNamingAnotherTerminalIsRefused() throws Exception {
        try (DeviceHub hub = new DeviceHub(data)) {
            String push = hub.registerTerminal("door-1", null).path("receivers").path("push").asText();
            assertThat(hub.deviceSends(push, Samples.bytes("sense-push-recognition-v1.3.0.json")).statusCode())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    "PSC700C0MC22F02542".equals(hub.get("/api/devices/door-1").path("serial").asText()));

            HttpResponse<String> other = hub.deviceSends(push, Samples.bytes("sense-push-recognition-v1.1.0.json"));

            assertThat(other.statusCode()).isEqualTo(400);
            JsonNode refusal = DeviceHub.json(other.body());
            assertThat(refusal.path("field").asText()).isEqualTo("data.deviceSN");
            assertThat(refusal.path("reason").asText()).contains("door-1", "PS71HD01MC22B00003");
            assertThat(hub.events("")).hasSize(1);
        }
    }

    @Test
    void aTruncatedRecordIsRefusedWithTheFieldQuarantinedAndCountedAndNothingElseIsLost() throws Exception {
        try (DeviceHub hub = new DeviceHub(data)) {
            String push = hub.registerTerminal("door-1", null).path("receivers").path("push").asText();
            byte[] whole = Samples.bytes("sense-push-recognition-v1.3.0.json");
            byte[] half = Arrays.copyOf(whole, whole.length / 2);

            HttpResponse<String> refused = hub.deviceSends(push, half);
            HttpResponse<String> again = hub.deviceSends(push, half);
            HttpResponse<String> good = hub.deviceSends(push, whole);

            assertThat(refused.statusCode()).isEqualTo(400);
            JsonNode body = DeviceHub.json(refused.body());
            assertThat(body.path("code").asInt()).isEqualTo(400);
            assertThat(body.path("error").asText()).isEqualTo("malformed");
            assertThat(body.path("field").asText()).isEqualTo("data.rgb_image");
            assertThat(body.path("reason").asText()).contains("malformed JSON");
            assertThat(again.statusCode()).isEqualTo(400);
            assertThat(good.statusCode()).isEqualTo(200);
            assertThat(hub.events("")).hasSize(1);

            hub.hub.hub.devices().quarantine().flush();
            JsonNode kept = hub.get("/api/quarantine").path("payloads");
            assertThat(kept).hasSize(1);
            assertThat(kept.get(0).path("deviceId").asText()).isEqualTo("door-1");
            assertThat(kept.get(0).path("times").asInt()).isEqualTo(2);
            assertThat(kept.get(0).path("field").asText()).isEqualTo("data.rgb_image");
            JsonNode one = hub.get("/api/quarantine/" + kept.get(0).path("id").asLong());
            assertThat(one.path("payload").asText()).isEqualTo(new String(half, StandardCharsets.UTF_8));
            assertThat(hub.metrics()).contains("gatehouse_ingest_rejected_total{channel=\"RECORD_PUSH\",device=\"door-1\","
                    + "reason=\"malformed\"} 2.0");
            assertThat(hub.get("/api/devices/door-1").path("lastError").path("message").asText())
                    .contains("data.rgb_image");
        }
    }

    @Test
    void anAddressNoDeviceOwnsIsNotFoundAndTheBodyIsNotRead() throws Exception {
        try (DeviceHub hub = new DeviceHub(data)) {
            hub.registerTerminal("door-1", null);
            String base = "http://127.0.0.1:" + hub.hub.hub.port() + "/ingest/push/";

            HttpResponse<String> guessed = hub.deviceSends(base + "AAAAAAAAAAAAAAAAAAAAAA",
                    Samples.bytes("sense-push-recognition-v1.3.0.json"));
            HttpResponse<String> garbage = hub.deviceSends(base + "..%2F..%2Fapi%2Fevents", new byte[] {1});

            assertThat(guessed.statusCode()).isEqualTo(404);
            assertThat(DeviceHub.json(guessed.body()).path("error").asText()).isEqualTo("not_found");
            assertThat(garbage.statusCode()).isEqualTo(404);
            assertThat(hub.events("")).isEmpty();
            assertThat(hub.metrics()).contains("gatehouse_ingest_unknown_receiver_total 2.0");
        }
    }
}
