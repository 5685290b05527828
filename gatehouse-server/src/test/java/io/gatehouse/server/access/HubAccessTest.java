package io.gatehouse.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.Hub;
import io.gatehouse.server.HubConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub serves the access API behind its admin token. */
class HubAccessTest {
    @TempDir
    Path data;

    @Test
    void theAccessApiNeedsTheAdminToken() throws Exception {
        HubConfig config = new HubConfig("127.0.0.1", 0, data, null, "secret-token");
        try (Hub hub = Hub.start(config)) {
            HttpClient http = HttpClient.newHttpClient();
            URI people = URI.create("http://127.0.0.1:" + hub.port() + "/api/access/people");

            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(people).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);

            HttpResponse<String> admin = http.send(HttpRequest.newBuilder(people)
                    .header("Authorization", "Bearer secret-token").build(), HttpResponse.BodyHandlers.ofString());
            // 200 once the directory has loaded, 503 in the moment before
            assertThat(admin.statusCode()).isIn(200, 503);
            assertThat(admin.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        }
    }
}
