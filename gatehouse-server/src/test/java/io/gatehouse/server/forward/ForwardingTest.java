package io.gatehouse.server.forward;

import static io.gatehouse.server.DevicePayloads.pushed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.gatehouse.server.TestHub;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forwarding as an integrator relies on it: a real hub posting to a real HTTP receiver on loopback. */
class ForwardingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-01-01T08:00:00Z");
    private static final String SECRET = "a-long-shared-secret-0123456789";

    @TempDir
    Path data;

    private Receiver receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new Receiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.server.stop(0);
    }

    @Test
    void everyMatchingEventArrivesOnceInStoreOrderSignedWithTheTargetsSecret() throws Exception {
        try (TestHub hub = new TestHub(data)) {
            for (int i = 0; i < 30; i++) {
                hub.append(pushed("e-" + i, "p" + i, "王五", i % 3 != 0, T0.plusSeconds(i)));
            }
            HttpResponse<String> added = post(hub, "/api/forwarding", "{\"id\": \"erp\", \"url\": \"" + receiver.url()
                    + "\", \"secret\": \"" + SECRET + "\", \"start\": \"oldest\", \"filter\": {\"passed\": true}}");
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
            assertThat(TestHub.json(added).has("secret")).as("a secret given is never echoed").isFalse();

            await(() -> receiver.acknowledged.size() >= 20);
            hub.append(pushed("e-late", "p-late", "王五", true, T0.plusSeconds(100)));
            await(() -> receiver.acknowledged.size() >= 21);

            List<Long> passedSeqs = LongStream.rangeClosed(1, 30).filter(seq -> (seq - 1) % 3 != 0).boxed().toList();
            assertThat(receiver.acknowledged.stream().map(d -> d.seq).toList())
                    .containsExactlyElementsOf(concat(passedSeqs, 31L));
            for (Delivery d : receiver.acknowledged) {
                assertThat(d.body.path("seq").asLong()).isEqualTo(d.seq);
                assertThat(d.body.at("/outcome/passed").asBoolean()).isTrue();
                assertThat(d.signature).isEqualTo(expectedSignature(d.timestamp, d.rawBody));
                assertThat(d.target).isEqualTo("erp");
            }
            JsonNode status = awaitStatus(hub, "erp", s -> s.path("lag").asLong() == 0);
            assertThat(status.path("delivered").asLong()).isEqualTo(21);
            assertThat(status.path("state").asText()).isEqualTo("idle");
            assertThat(status.path("cursor").asLong()).isEqualTo(31);
        }
    }

    @Test
    void aTargetThatIsDownReceivesEverythingOnceWhenItReturns() throws Exception {
        try (TestHub hub = new TestHub(data)) {
            receiver.refuseNext.set(3); // back-off at most 1 + 2 + 4 s
            assertThat(post(hub, "/api/forwarding", "{\"id\": \"erp\", \"url\": \"" + receiver.url() + "\"}")
                    .statusCode()).isEqualTo(201);
            for (int i = 0; i < 20; i++) {
                hub.append(pushed("d-" + i, "p" + i, "Li", true, T0.plusSeconds(i)));
            }
            JsonNode failing = awaitStatus(hub, "erp", s -> s.path("consecutiveFailures").asInt() >= 1);
            assertThat(failing.path("lastError").asText()).contains("503");

            await(() -> receiver.acknowledged.size() >= 20);
            assertThat(receiver.acknowledged.stream().map(d -> d.seq).toList())
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 20).boxed().toList());
            assertThat(receiver.refused.get()).isEqualTo(3);
            assertThat(hub.get("/metrics").body()).contains("gatehouse_forward_failures_total{target=\"erp\"} 3.0");
        }
    }

    @Test
    void aRestartResumesAfterTheLastAcknowledgedEventAndTheCursorCanBeMovedBack() throws Exception {
        try (TestHub hub = new TestHub(data)) {
            assertThat(post(hub, "/api/forwarding", "{\"id\": \"erp\", \"url\": \"" + receiver.url() + "\"}")
                    .statusCode()).isEqualTo(201);
            for (int i = 0; i < 10; i++) {
                hub.append(pushed("r-" + i, "p" + i, "Li", true, T0.plusSeconds(i)));
            }
            await(() -> receiver.acknowledged.size() >= 10);
        }
        try (TestHub hub = new TestHub(data)) {
            for (int i = 10; i < 15; i++) {
                hub.append(pushed("r-" + i, "p" + i, "Li", true, T0.plusSeconds(i)));
            }
            await(() -> receiver.acknowledged.size() >= 15);
            assertThat(receiver.acknowledged.stream().map(d -> d.seq).toList())
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 15).boxed().toList());

            HttpResponse<String> moved = send(hub, "PATCH", "/api/forwarding/erp", "{\"cursor\": 12}");
            assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
            await(() -> receiver.acknowledged.size() >= 18);
            assertThat(receiver.acknowledged.stream().skip(15).map(d -> d.seq).toList()).containsExactly(13L, 14L, 15L);
        }
    }

    @Test
    void badTargetsAreRefusedNamingTheFieldAndNothingElseChanges() throws Exception {
        try (TestHub hub = new TestHub(data)) {
            String url = receiver.url();
            assertRefused(post(hub, "/api/forwarding", "{\"id\": \"a\", \"url\": \"ftp://example.com/x\"}"), 400, "url");
            assertRefused(post(hub, "/api/forwarding", "{\"id\": \"a\", \"url\": \"not a url\"}"), 400, "url");
            assertRefused(post(hub, "/api/forwarding", "{\"id\": \"a\", \"url\": \"" + url + "\", \"colour\": 1}"), 400,
                    "colour");
            assertRefused(post(hub, "/api/forwarding", "{\"id\": \"a\", \"url\": \"" + url
                    + "\", \"filter\": {\"kind\": \"nope\"}}"), 400, "filter.kind");
            assertRefused(post(hub, "/api/forwarding", "{\"id\": \"a\", \"url\": \"" + url
                    + "\", \"filter\": {\"colour\": \"red\"}}"), 400, "filter.colour");
            assertRefused(post(hub, "/api/forwarding", "{\"id\": \"a\", \"url\": \"" + url
                    + "\", \"secret\": \"short\"}"), 400, "secret");
            assertRefused(post(hub, "/api/forwarding", "{\"id\": \"../x\", \"url\": \"" + url + "\"}"), 400, "id");
            assertRefused(post(hub, "/api/forwarding", "{\"id\": \"a\", \"url\": \"" + url), 400, "url");
            assertRefused(hub.get("/api/forwarding/a"), 404, "id");

            HttpResponse<String> created = post(hub, "/api/forwarding", "{\"id\": \"a\", \"url\": \"" + url + "\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(TestHub.json(created).path("secret").asText()).as("a generated secret is shown once")
                    .hasSizeGreaterThanOrEqualTo(32);
            assertRefused(post(hub, "/api/forwarding", "{\"id\": \"a\", \"url\": \"" + url + "\"}"), 409, "id");
            assertRefused(send(hub, "PATCH", "/api/forwarding/a", "{\"cursor\": -1}"), 400, "cursor");
            // refused inside the stored change (a refusal, not a decode error): still bad_request, not conflict
            assertRefused(send(hub, "PATCH", "/api/forwarding/a", "{\"topic\": \"doors\"}"), 400, "topic");

            JsonNode list = TestHub.json(hub.get("/api/forwarding"));
            assertThat(list.path("targets")).hasSize(1);
            assertThat(list.path("targets").get(0).has("secret")).isFalse();
            assertThat(send(hub, "DELETE", "/api/forwarding/a", null).statusCode()).isEqualTo(204);
            assertThat(TestHub.json(hub.get("/api/forwarding")).path("targets")).isEmpty();
        }
    }

    // ---- helpers

    private static List<Long> concat(List<Long> head, long last) {
        return java.util.stream.Stream.concat(head.stream(), java.util.stream.Stream.of(last)).toList();
    }

    private static String expectedSignature(String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    /** Also checks the error code: a 400 is bad_request like every other bad input, never conflict. */
    private static void assertRefused(HttpResponse<String> response, int status, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(TestHub.json(response).path("field").asText()).as(response.body()).isEqualTo(field);
        String error = switch (status) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            default -> "conflict";
        };
        assertThat(TestHub.json(response).path("error").asText()).as(response.body()).isEqualTo(error);
    }

    private static HttpResponse<String> post(TestHub hub, String path, String body) throws Exception {
        return send(hub, "POST", path, body);
    }

    private static HttpResponse<String> send(TestHub hub, String method, String path, String body) throws Exception {
        return hub.send(hub.request(path).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static JsonNode awaitStatus(TestHub hub, String id, java.util.function.Predicate<JsonNode> wanted)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode status = TestHub.json(hub.get("/api/forwarding/" + id));
            if (wanted.test(status) || System.nanoTime() > deadline) {
                assertThat(wanted.test(status)).as(status.toString()).isTrue();
                return status;
            }
            Thread.sleep(50);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 60 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private record Delivery(long seq, String target, String timestamp, String signature, byte[] rawBody,
                            JsonNode body) {
    }

    /** An integrator's webhook endpoint: records what it acknowledged; can refuse the next N deliveries. */
    private static final class Receiver {
        final HttpServer server;
        final List<Delivery> acknowledged = new CopyOnWriteArrayList<>();
        final AtomicInteger refuseNext = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();

        Receiver() throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                int status = 204;
                if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    refused.incrementAndGet();
                    status = 503;
                } else {
                    var headers = exchange.getRequestHeaders();
                    acknowledged.add(new Delivery(Long.parseLong(headers.getFirst("X-Gatehouse-Event-Seq")),
                            headers.getFirst("X-Gatehouse-Target"), headers.getFirst("X-Gatehouse-Timestamp"),
                            headers.getFirst("X-Gatehouse-Signature"), body, JSON.readTree(body)));
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }
    }
}
