package io.gatehouse.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.protocol.Samples;
import io.gatehouse.server.DevicePayloads;
import io.gatehouse.server.HubConfig;
import io.gatehouse.server.TestHub;
import io.gatehouse.server.device.DeviceHub;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken input on both receivers: each gets a clear 4xx naming the field (never a 5xx), is counted and
 * quarantined, and costs nothing else: the good records around it are stored and the hub keeps serving.
 */
class HostileReceiverTest {
    private static final int MAX_REQUEST = 64 << 10;
    private static final int MAX_IMAGE = 16 << 10;
    private static final Instant T0 = Instant.now().minusSeconds(60);

    @TempDir
    Path data;
    private DeviceHub hub;
    private String push;
    private String auth;

    @BeforeEach
    void start() throws Exception {
        HubConfig config = HubConfig.defaults().withPort(0).withDataDir(data).withAdminToken(TestHub.TOKEN);
        config = config.withIngest(config.ingest().withLimits(MAX_REQUEST, 16, MAX_IMAGE).withQuarantine(50, 1 << 20));
        hub = new DeviceHub(config);
        JsonNode device = hub.registerTerminal("door", DevicePayloads.SERIAL, "remote-auth");
        push = device.path("receivers").path("push").asText();
        auth = device.path("receivers").path("auth").asText();
    }

    @AfterEach
    void stop() throws Exception {
        hub.close();
    }

    @Test
    void brokenPushesAreRefusedWithTheFieldAndTheGoodOnesAroundThemAreStored() throws Exception {
        good("before");
        refused(push, "", 400, "malformed", "", "empty payload");
        refused(push, "[1,2,3]", 400, "malformed", "", "expected a JSON object");
        refused(push, "{\"type\":0,\"data\":{}} trailing", 400, "malformed", "", "malformed JSON");
        refused(push, "{\"type\":0,\"type\":1,\"data\":{}}", 400, "malformed", "type", "Duplicate field");
        refused(push, "{'type':0,'data':{'deviceSN':'X'}}", 400, "malformed", "", "Python dict literal");
        refused(push, "{\"type\":0,\"data\":{\"deviceSN\":{},\"timestamp\":1}}", 400, "malformed", "data.deviceSN",
                "expected a string");
        refused(push, "{\"type\":0,\"data\":{\"deviceSN\":\"" + DevicePayloads.SERIAL + "\",\"timestamp\":NaN}}", 400,
                "malformed", "data.timestamp", "");
        refused(push, "{\"type\":0,\"data\":" + "[".repeat(40) + "]".repeat(40) + "}", 400, "malformed",
                "data" + "[0]".repeat(16), "nesting depth (17) exceeds the maximum allowed (16");
        refused(push, "{\"type\":7,\"data\":{\"x\":1}}", 422, "unexpected_message", "", "undocumented");
        refused(push, "{\"deviceSN\":\"X\",\"recognizeStatus\":2,\"qrcode_content\":\"\",\"timestamp\":1}", 422,
                "unexpected_message", "", "remote-authorization request");
        byte[] bigImage = DevicePayloads.recognition(DevicePayloads.SERIAL, "big", "5", "王五", true, T0,
                DevicePayloads.jpeg(MAX_IMAGE + 1000, 7)).toString().getBytes(StandardCharsets.UTF_8);
        refused(push, bigImage, 400, "malformed", "data.rgb_image", "");
        refused(push, new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}, 400, "malformed", "", "");
        good("after");

        assertThat(hub.events("")).hasSize(2);
        hub.hub.hub.devices().quarantine().flush();
        assertThat(hub.get("/api/quarantine?limit=100").path("payloads").size()).isEqualTo(12);
        assertThat(hub.hub.send(hub.hub.anonymous("/health/live").build()).statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsReadAndQuarantinedWithoutIt() throws Exception {
        byte[] huge = new byte[MAX_REQUEST + 1];
        Arrays.fill(huge, (byte) ' ');
        HttpResponse<String> answer = hub.deviceSends(push, huge);

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(DeviceHub.json(answer.body()).path("error").asText()).isEqualTo("too_large");
        hub.hub.hub.devices().quarantine().flush();
        JsonNode kept = hub.get("/api/quarantine").path("payloads").get(0);
        assertThat(kept.path("error").asText()).isEqualTo("too_large");
        assertThat(kept.path("keptBytes").asInt()).isZero();
        good("after");
    }

    @Test
    void aBodyOfUnknownLengthIsReadWhole() throws Exception {
        byte[] face = DevicePayloads.jpeg(MAX_IMAGE - 1000, 5);
        byte[] record = DevicePayloads.recognition(DevicePayloads.SERIAL, "chunked", "7", "Dana", true, T0, face)
                .toString().getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = hub.hub.send(HttpRequest.newBuilder(URI.create(push))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(record))).build());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(hub.events("").get(0).at("/images/0/url").asText())
                .isEqualTo("/api/images/" + DevicePayloads.sha256(face));
    }

    @Test
    void aBodyOfUnknownLengthIsRefusedOnceItPassesTheLimit() throws Exception {
        byte[] huge = new byte[MAX_REQUEST * 4];
        Arrays.fill(huge, (byte) ' ');
        HttpResponse<String> answer = hub.hub.send(HttpRequest.newBuilder(URI.create(push))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))).build());

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(DeviceHub.json(answer.body()).path("error").asText()).isEqualTo("too_large");
        good("after");
    }

    @Test
    void aDeviceThatWaitsFor100ContinueIsAnswered() throws Exception {
        HttpResponse<String> answer = hub.hub.send(HttpRequest.newBuilder(URI.create(auth)).expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(DevicePayloads.authorizationRequest(DevicePayloads.SERIAL,
                        "5", "王五", T0, DevicePayloads.jpeg(2000, 3)).toString().getBytes(StandardCharsets.UTF_8)))
                .build());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(DeviceHub.json(answer.body()).path("data").has("pass")).isTrue();
    }

    @Test
    void brokenAuthorizationRequestsAreRefusedAndTheDoorsKeepBeingAnswered() throws Exception {
        refused(auth, "{}", 400, "malformed", "deviceSN", "required");
        refused(auth, "{\"deviceSN\":\"" + DevicePayloads.SERIAL + "\"}", 400, "malformed", "timestamp", "required");
        refused(auth, "{\"deviceSN\":\"OTHER\",\"timestamp\":1}", 400, "malformed", "deviceSN", "door");
        refused(auth, "{\"deviceSN\":\"" + DevicePayloads.SERIAL + "\",\"timestamp\":1,\"rgb_image\":\"%%%\"}", 400,
                "malformed", "rgb_image", "");
        refused(auth, "nonsense", 400, "malformed", "", "");

        HttpResponse<String> asked = hub.deviceSends(auth, DevicePayloads.authorizationRequest(DevicePayloads.SERIAL,
                "5", "王五", T0, DevicePayloads.jpeg(200, 3)).toString().getBytes(StandardCharsets.UTF_8));
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(DeviceHub.json(asked.body()).path("data").has("pass")).isTrue();
        assertThat(hub.hub.send(HttpRequest.newBuilder(URI.create(auth)).method("PUT",
                HttpRequest.BodyPublishers.noBody()).build()).statusCode()).isEqualTo(405);
    }

    @Test
    void randomlyDamagedRecordsNeverGetA5xxAndNeverStopTheHub() throws Exception {
        byte[] sample = Samples.bytes("sense-push-recognition-v1.3.0.json");
        Random random = new Random(20260101);
        for (int i = 0; i < 150; i++) {
            byte[] damaged = damage(sample, random);
            HttpResponse<String> answer = hub.deviceSends(push, damaged);
            assertThat(answer.statusCode()).as("damage %d: %s", i, answer.body()).isIn(200, 400, 413, 422);
            if (answer.statusCode() != 200) {
                assertThat(DeviceHub.json(answer.body()).path("reason").asText()).isNotBlank();
            }
        }
        good("after-fuzz");
        assertThat(hub.events("personId=7").size()).isEqualTo(1);
        hub.hub.hub.devices().quarantine().flush();
        assertThat(hub.get("/api/quarantine?limit=500").path("payloads").size()).isLessThanOrEqualTo(50);
    }

    private static byte[] damage(byte[] sample, Random random) {
        byte[] copy = sample.clone();
        switch (random.nextInt(4)) {
            case 0:
                return Arrays.copyOf(copy, random.nextInt(copy.length));
            case 1:
                for (int n = 0; n < 1 + random.nextInt(8); n++) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                return copy;
            case 2:
                String text = new String(copy, StandardCharsets.UTF_8);
                return text.replaceFirst("\"(\\w+)\": [^,{\\[]+", "\"$1\": {\"x\": [null, true, 1e999]}")
                        .getBytes(StandardCharsets.UTF_8);
            default:
                String json = new String(copy, StandardCharsets.UTF_8);
                int at = random.nextInt(json.length());
                return (json.substring(0, at) + Base64.getEncoder().encodeToString(new byte[random.nextInt(64)])
                        + json.substring(at)).getBytes(StandardCharsets.UTF_8);
        }
    }

    private void good(String uuid) throws Exception {
        HttpResponse<String> answer = hub.deviceSends(push, DevicePayloads.recognition(DevicePayloads.SERIAL, uuid, "7",
                "Dana", true, T0, DevicePayloads.jpeg(300, uuid.hashCode())).toString().getBytes(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private void refused(String url, String body, int status, String error, String field, String reason) throws Exception {
        refused(url, body.getBytes(StandardCharsets.UTF_8), status, error, field, reason);
    }

    private void refused(String url, byte[] body, int status, String error, String field, String reason) throws Exception {
        HttpResponse<String> answer = hub.deviceSends(url, body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        JsonNode refusal = DeviceHub.json(answer.body());
        assertThat(refusal.path("code").asInt()).isEqualTo(status);
        assertThat(refusal.path("error").asText()).isEqualTo(error);
        assertThat(refusal.path("field").asText()).as(answer.body()).isEqualTo(field);
        assertThat(refusal.path("reason").asText()).as(answer.body()).contains(reason);
    }
}
