package io.gatehouse.server.api;

import static io.gatehouse.server.DevicePayloads.SERIAL;
import static io.gatehouse.server.DevicePayloads.alarm;
import static io.gatehouse.server.DevicePayloads.ingested;
import static io.gatehouse.server.DevicePayloads.jpeg;
import static io.gatehouse.server.DevicePayloads.recognition;
import static io.gatehouse.server.TestHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.core.store.Channel;
import io.gatehouse.server.DevicePayloads;
import io.gatehouse.server.TestHub;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An integrator's view of the events API over real HTTP: what it asks, what the hub answers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventApiTest {
    private static final Instant T0 = Instant.parse("2026-01-01T08:00:00Z");
    private static final byte[] FACE = jpeg(30_000, 42);

    TestHub hub;

    @BeforeAll
    void start(@TempDir Path data) throws Exception {
        hub = new TestHub(data);
        hub.append(ingested(recognition(SERIAL, "wang-in", "5", "王五", true, T0, FACE), SERIAL,
                Channel.RECORD_PUSH, T0.plusSeconds(1)));
        hub.append(ingested(recognition(SERIAL, "alice-out", "7", "Alice Smith", false, T0.plusSeconds(60),
                jpeg(2_000, 7)), SERIAL, Channel.TERMINAL_WEBSOCKET, T0.plusSeconds(61)));
        hub.append(ingested(alarm("SPX-9", 10002, 1, T0.plusSeconds(120), null), SERIAL, Channel.RECORD_PUSH,
                T0.plusSeconds(120)));
        for (int i = 0; i < 12; i++) {
            hub.append(ingested(recognition(SERIAL, "bulk-" + i, "9", "Bulk", true, T0.plusSeconds(200 + i),
                    jpeg(500, 100 + i)), SERIAL, Channel.RECORD_PUSH, T0.plusSeconds(200 + i)));
        }
    }

    @AfterAll
    void stop() throws Exception {
        hub.close();
    }

    @Test
    void withoutTheAdminTokenTheApiAnswers401AndNothingElse() throws Exception {
        for (String path : List.of("/api/events", "/api/events/1", "/api/alarms", "/api/events/stream",
                "/api/images/" + DevicePayloads.sha256(FACE))) {
            HttpResponse<String> anonymous = hub.send(hub.anonymous(path).build());
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(json(anonymous).path("error").asText()).isEqualTo("unauthorized");
            HttpResponse<String> wrong = hub.send(hub.anonymous(path)
                    .header("Authorization", "Bearer " + TestHub.TOKEN + "x").build());
            assertThat(wrong.statusCode()).as(path).isEqualTo(401);
        }
    }

    @Test
    void anEventReadsAsTheDeviceReportedItWithTheHubsFacts() throws Exception {
        HttpResponse<String> response = hub.get("/api/events/1");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode event = json(response);
        assertThat(event.path("seq").asLong()).isEqualTo(1);
        assertThat(event.path("deviceId").asText()).isEqualTo(DevicePayloads.DEVICE_ID);
        assertThat(event.path("channel").asText()).isEqualTo("RECORD_PUSH");
        assertThat(event.path("late").asBoolean()).isFalse();
        assertThat(event.path("person").path("name").asText()).isEqualTo("王五");
        assertThat(event.path("outcome").path("passed").asBoolean()).isTrue();
        assertThat(event.at("/images/0/url").asText()).isEqualTo("/api/images/" + DevicePayloads.sha256(FACE));
        assertThat(event.at("/payload/data/rgb_image").asText()).isEqualTo("blob:sha256:" + DevicePayloads.sha256(FACE));
    }

    @Test
    void filtersNarrowTheListAndTheCursorWalksItWithoutRepeats() throws Exception {
        assertThat(keys(hub.get("/api/events?personName=" + enc("王")))).containsExactly("wang-in");
        assertThat(keys(hub.get("/api/events?passed=false"))).containsExactly("alice-out");
        assertThat(keys(hub.get("/api/events?channel=terminal_websocket"))).containsExactly("alice-out");
        assertThat(keys(hub.get("/api/events?type=alarm"))).hasSize(1);
        assertThat(keys(hub.get("/api/events?from=" + T0.plusSeconds(60) + "&until=" + T0.plusSeconds(61))))
                .containsExactly("alice-out");
        assertThat(keys(hub.get("/api/events?device=" + DevicePayloads.DEVICE_ID + "&personId=5&serial=" + SERIAL
                + "&kind=PASSAGE&late=false"))).containsExactly("wang-in");

        List<Long> seen = new ArrayList<>();
        JsonNode page = json(hub.get("/api/events?limit=4"));
        page.path("events").forEach(e -> seen.add(e.path("seq").asLong()));
        while (page.path("more").asBoolean()) {
            page = json(hub.get("/api/events?limit=4&cursor=" + page.path("next").asText()));
            page.path("events").forEach(e -> seen.add(e.path("seq").asLong()));
        }
        assertThat(seen).containsExactly(15L, 14L, 13L, 12L, 11L, 10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(page.path("next").isNull()).isTrue();
    }

    @Test
    void alarmsHaveTheirOwnListWithTheirCodes() throws Exception {
        JsonNode alarms = json(hub.get("/api/alarms?code=10002&status=1"));
        assertThat(alarms.path("alarms")).hasSize(1);
        JsonNode alarm = alarms.path("alarms").get(0);
        assertThat(alarm.path("type").asText()).isEqualTo("alarm");
        assertThat(alarm.path("code").path("name").asText()).isEqualTo("FORCED_DOOR");
        assertThat(alarm.path("traceId").asText()).isEqualTo("SPX-9");
        assertThat(json(hub.get("/api/alarms?code=10001")).path("alarms")).isEmpty();
    }

    @Test
    void anImageIsServedWithItsTypeAndHashAndNotSentAgainToAClientThatHasIt() throws Exception {
        String sha = DevicePayloads.sha256(FACE);
        HttpResponse<byte[]> image = hub.send(hub.request("/api/images/" + sha).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).isEqualTo(FACE);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(image.headers().firstValue("ETag")).hasValue("\"" + sha + "\"");
        assertThat(image.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");

        HttpResponse<byte[]> byIndex = hub.send(hub.request("/api/events/1/images/0").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(byIndex.body()).isEqualTo(FACE);

        HttpResponse<byte[]> cached = hub.send(hub.request("/api/images/" + sha)
                .header("If-None-Match", "W/\"other\", \"" + sha + "\"").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(cached.statusCode()).isEqualTo(304);
        assertThat(cached.body()).isEmpty();
        assertThat(cached.headers().firstValue("ETag")).hasValue("\"" + sha + "\"");

        assertThat(hub.get("/api/images/" + "0".repeat(64)).statusCode()).isEqualTo(404);
        assertThat(hub.get("/api/events/1/images/5").statusCode()).isEqualTo(404);
        assertThat(hub.get("/api/events/999").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
        "/api/events?from=yesterday                | from",
        "/api/events?from=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z | until",
        "/api/events?limit=0                       | limit",
        "/api/events?limit=501                     | limit",
        "/api/events?limit=ten                     | limit",
        "/api/events?limit=99999999999999999999    | limit",
        "/api/events?passed=yes                    | passed",
        "/api/events?late=1                        | late",
        "/api/events?type=door                     | type",
        "/api/events?kind=DROP%20TABLE             | kind",
        "/api/events?channel=carrier-pigeon        | channel",
        "/api/events?code=-1                       | code",
        "/api/events?cursor=not-a-cursor           | cursor",
        "/api/events?cursor=djE6YTotNQ             | cursor",
        "/api/events?order=sideways                | order",
        "/api/events?personId=                     | personId",
        "/api/events?personId=1&personId=2         | personId",
        "/api/events?persnName=typo                | persnName",
        "/api/alarms?passed=true                   | passed",
        "/api/events/-1                            | seq",
        "/api/events/abc                           | seq",
        "/api/events/99999999999999999999999       | seq",
        "/api/events/1?payload=no                  | payload",
        "/api/events/1/images/x                    | index",
        "/api/images/ABC                           | sha256",
        "/api/images/..%2f..%2fgatehouse.db        | sha256",
        "/api/events/stream?after=x                | after",
    })
    void hostileParametersGet400NamingTheField(String path, String field) throws Exception {
        HttpResponse<String> response = hub.get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = json(response);
        assertThat(error.path("error").asText()).isEqualTo("bad_request");
        assertThat(error.path("field").asText()).isEqualTo(field);
        assertThat(error.path("reason").asText()).isNotBlank();
    }

    @Test
    void aQueryStringThatIsNotUrlEncodingGets400() throws Exception {
        // java.net.URI refuses to send this, so it goes over a plain socket, as a hostile client would send it
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", hub.hub.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /api/events?personId=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + TestHub.TOKEN + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).contains("\"field\":\"query\"");
        }
        assertThat(hub.get("/api/events?limit=1").statusCode()).isEqualTo(200);
    }

    @Test
    void anOverlongValueIsRefusedAndTheHubKeepsServing() throws Exception {
        HttpResponse<String> response = hub.get("/api/events?personName=" + "x".repeat(1_000));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("field").asText()).isEqualTo("personName");
        // a request line beyond 4 KiB is refused before it is read
        assertThat(hub.get("/api/events?personName=" + "x".repeat(10_000)).statusCode()).isEqualTo(414);
        assertThat(hub.get("/api/events?limit=1").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownEndpointsAndMethodsAnswerInJson() throws Exception {
        HttpResponse<String> unknown = hub.get("/api/nothing-here");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("error").asText()).isEqualTo("not_found");
        HttpResponse<String> delete = hub.send(hub.request("/api/events/1").DELETE().build());
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(json(delete).path("error").asText()).isEqualTo("method_not_allowed");
    }

    private static List<String> keys(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        for (JsonNode event : json(response).path("events")) {
            String key = event.path("dedupeKey").asText();
            keys.add(key.substring(key.lastIndexOf('/') + 1));
        }
        return keys;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
