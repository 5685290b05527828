package io.gatehouse.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.server.DevicePayloads;
import io.gatehouse.server.HubConfig;
import io.gatehouse.server.TestHub;
import io.gatehouse.server.device.DeviceHub;
import io.gatehouse.server.store.StoreSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the store cannot keep up (here: another process holds the database's write lock, as a backup tool might),
 * terminals are told to retry (503), so their records stay in their caches; one device sending too much at once
 * is held to its share and cannot take the store from the others.
 */
class BackPressureTest {
    private static final Instant T0 = Instant.now().minusSeconds(30);

    @TempDir
    Path data;

    @Test
    void aFullStoreAnswers503AndEveryRecordAnswered200IsStored() throws Exception {
        HubConfig config = HubConfig.defaults().withPort(0).withDataDir(data).withAdminToken(TestHub.TOKEN)
                .withStore(new StoreSettings(2, 500, 1, Duration.ofMinutes(1)));
        try (DeviceHub hub = new DeviceHub(config)) {
            String push = hub.registerTerminal("door", DevicePayloads.SERIAL).path("receivers").path("push").asText();
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            try (Connection lock = holdWriteLock()) {
                for (int i = 0; i < 6; i++) {
                    answers.add(sendAsync(push, record("r-" + i)));
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> answers.stream().filter(CompletableFuture::isDone).count() >= 4);
                lock.rollback();
            }
            List<String> refused = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                HttpResponse<String> answer = answers.get(i).get();
                assertThat(answer.statusCode()).isIn(200, 503);
                if (answer.statusCode() == 503) {
                    assertThat(answer.headers().firstValue("Retry-After")).isPresent();
                    assertThat(DeviceHub.json(answer.body()).path("error").asText()).isEqualTo("store_full");
                    assertThat(DeviceHub.json(answer.body()).path("code").asInt()).isNotEqualTo(200);
                    refused.add("r-" + i);
                }
            }
            assertThat(refused).hasSizeGreaterThanOrEqualTo(4);
            assertThat(hub.events("")).hasSize(6 - refused.size());

            for (String uuid : refused) { // the terminal's cache sends them again
                assertThat(hub.deviceSends(push, record(uuid)).statusCode()).isEqualTo(200);
            }
            assertThat(hub.events("")).hasSize(6);
            assertThat(hub.metrics()).contains("reason=\"store_full\"");
        }
    }

    @Test
    void aDeviceSendingTooMuchAtOnceIsHeldToItsShareAndTheOthersGetThrough() throws Exception {
        HubConfig config = HubConfig.defaults().withPort(0).withDataDir(data).withAdminToken(TestHub.TOKEN);
        config = config.withIngest(config.ingest().withMaxInFlightPerDevice(2));
        try (DeviceHub hub = new DeviceHub(config)) {
            String flood = hub.registerTerminal("flood", DevicePayloads.SERIAL).path("receivers").path("push").asText();
            String calm = hub.registerTerminal("calm", "PSC-CALM").path("receivers").path("push").asText();
            List<CompletableFuture<HttpResponse<String>>> flooded = new ArrayList<>();
            CompletableFuture<HttpResponse<String>> calmAnswer;
            try (Connection lock = holdWriteLock()) {
                for (int i = 0; i < 10; i++) {
                    flooded.add(sendAsync(flood, record("f-" + i)));
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> flooded.stream().filter(CompletableFuture::isDone).count() >= 8);
                calmAnswer = sendAsync(calm, DevicePayloads.recognition("PSC-CALM", "c-1", "7", "Calm", true, T0, null)
                        .toString().getBytes(StandardCharsets.UTF_8));
                Thread.sleep(200);
                assertThat(calmAnswer).as("the calm device is not refused for the flood's sake").isNotDone();
                lock.rollback();
            }
            assertThat(calmAnswer.get().statusCode()).isEqualTo(200);
            long overloaded = 0;
            for (CompletableFuture<HttpResponse<String>> answer : flooded) {
                if (answer.get().statusCode() == 503) {
                    assertThat(DeviceHub.json(answer.get().body()).path("error").asText()).isEqualTo("overloaded");
                    overloaded++;
                } else {
                    assertThat(answer.get().statusCode()).isEqualTo(200);
                }
            }
            assertThat(overloaded).isEqualTo(8);
            assertThat(hub.events("device=flood")).hasSize(2);
            assertThat(hub.events("device=calm")).hasSize(1);
            JsonNode status = hub.get("/api/devices/flood");
            assertThat(status.path("lastError").path("message").asText()).contains("overloaded");
        }
    }

    private Connection holdWriteLock() throws Exception {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("gatehouse.db"));
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=5000");
        }
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO store_probe (id, probed_at) VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET probed_at = 0");
        }
        return c;
    }

    private static byte[] record(String uuid) {
        return DevicePayloads.recognition(DevicePayloads.SERIAL, uuid, "5", "王五", true, T0, DevicePayloads.jpeg(300,
                uuid.hashCode())).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static CompletableFuture<HttpResponse<String>> sendAsync(String url, byte[] body) {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
