package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.config.ConfigSources;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubTest {
    @TempDir
    Path data;

    @Test
    void answersLivenessOnItsPort() throws Exception {
        try (Hub hub = Hub.start(HubConfig.defaults().withPort(0).withDataDir(data))) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.port() + "/health/live"))
                            .timeout(java.time.Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(hub.httpLoops()).as("one per core by default")
                    .isEqualTo(Runtime.getRuntime().availableProcessors());
        }
    }

    @Test
    void everyLoopServesTheOnePort() throws Exception {
        try (Hub hub = Hub.start(HubConfig.defaults().withPort(0).withHttpLoops(3).withDataDir(data))) {
            assertThat(hub.httpLoops()).isEqualTo(3);
            // a connection each: the servers take new connections in turn, so every loop answers some of them
            for (int i = 0; i < 9; i++) {
                try (Socket socket = new Socket("127.0.0.1", hub.port())) {
                    socket.setSoTimeout(30_000);
                    socket.getOutputStream().write("GET /health/live HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                    assertThat(answer).as("connection " + i).startsWith("HTTP/1.1 200");
                }
            }
        }
    }

    @Test
    void theDecisionLogGoesWhereItsSettingSays(@TempDir Path disk) throws Exception {
        HubConfig config = HubConfig.from(new ConfigSources(HubConfig.SETTINGS).resolve(null,
                Map.of("GATEHOUSE_DECISION_LOG", disk.toString()), Map.of()));
        assertThat(config.decisionLogDir()).isEqualTo(disk);
        assertThat(HubConfig.defaults().withDataDir(data).decisionLogDir()).as("by default").isEqualTo(data);

        try (Hub hub = Hub.start(config.withPort(0).withDataDir(data))) {
            assertThat(disk.resolve("decisions.db")).exists();
            assertThat(data.resolve("decisions.db")).doesNotExist();
            assertThat(data.resolve("gatehouse.db")).exists();
        }
    }
}
