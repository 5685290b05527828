package io.gatehouse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.server.Hub;
import io.gatehouse.server.HubConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's site, connected by the hub's own connectors, produces events on every channel a site has: record push,
 * the terminal WebSocket (the entrance's records arrive on both and are stored once), the SE box's stream, and the
 * lab door's remote-authorization questions with the hub's answers, as the API shows them.
 */
class DemoSiteTest {
    private static final String TOKEN = "demo-test-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path data;

    @Test
    void theConnectedSiteDeliversEventsOnEveryChannel() throws Exception {
        try (Hub hub = Hub.start(HubConfig.defaults().withBindHost("127.0.0.1").withPort(0).withDataDir(data)
                .withAdminToken(TOKEN))) {
            DemoSite.start(hub, TOKEN, 4);
            assertThat(DemoSite.awaitOnline(hub.devices().registry(), Duration.ofSeconds(30))).isEmpty();

            for (String channel : new String[] {"RECORD_PUSH", "TERMINAL_WEBSOCKET", "SOPHON_WEBSOCKET", "REMOTE_AUTH"}) {
                await().atMost(Duration.ofSeconds(30)).until(() -> get(hub, "/api/events?limit=1&channel=" + channel)
                        .path("events").size() == 1);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> get(hub, "/api/devices/" + DemoSite.ENTRANCE)
                    .path("counters").path("duplicates").asInt() > 0);
            JsonNode asked = get(hub, "/api/authorizations?limit=1").path("authorizations").get(0);
            assertThat(asked.path("answered").path("pass").isBoolean()).as(asked.toString()).isTrue();
            assertThat(get(hub, "/api/quarantine").path("payloads")).isEmpty();
        }
    }

    private JsonNode get(Hub hub, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.port()
                + path)).header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
