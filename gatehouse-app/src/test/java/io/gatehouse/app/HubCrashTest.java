package io.gatehouse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.protocol.sense.SenseVersion;
import io.gatehouse.protocol.sophon.SophonVersion;
import io.gatehouse.simulator.SimulatedSite;
import io.gatehouse.simulator.SiteConfig;
import io.gatehouse.simulator.terminal.Terminal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the hub while devices push at full rate. After a restart on the same data: every record a device was
 * told was stored is there, none is there twice, and the terminals' caches deliver everything else.
 */
class HubCrashTest {
    private static final int TERMINALS = 2;
    // v1.2.1 and later send a record id. Before it, records are told apart by a fingerprint of their fields, and at
    // 500 walk-ups a second two of the same person in the same second with the same score are one event

    @TempDir
    Path dir;

    @Test
    void nothingAcknowledgedIsLostNothingIsStoredTwiceAndTheCachesDeliverTheRest() throws Exception {
        SiteConfig config = SiteConfig.forTests().withTls(false).withFirstAddress("127.0.6.1")
                .withDevices(TERMINALS, 0, 0).withVersions(List.of(SenseVersion.V1_3_0, SenseVersion.V1_2_1),
                        SophonVersion.V5);
        ExecutorService load = Executors.newFixedThreadPool(TERMINALS + 1);
        try (ChildHub hub = new ChildHub(dir); SimulatedSite site = SimulatedSite.start(config)) {
            hub.start();
            for (Terminal terminal : site.terminals()) {
                subscribe(terminal, hub.registerTerminal(terminal.serial(), terminal.serial()));
            }
            String witnessPush = hub.registerTerminal("witness", "PSC-WITNESS");
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();

            AtomicBoolean walking = new AtomicBoolean(true);
            AtomicBoolean witnessing = new AtomicBoolean(true);
            List<Future<?>> drivers = new ArrayList<>();
            for (Terminal terminal : site.terminals()) {
                drivers.add(load.submit(() -> walkUps(terminal, walking)));
            }
            drivers.add(load.submit(() -> witness(witnessPush, acknowledged, witnessing)));
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 200
                    && site.terminals().stream().allMatch(t -> t.counters().delivered() >= 200));

            hub.kill();
            witnessing.set(false);
            Thread.sleep(500); // people keep walking through: their records go to the terminals' caches
            walking.set(false);
            for (Future<?> driver : drivers) {
                driver.get(30, TimeUnit.SECONDS);
            }
            assertThat(site.terminals()).allSatisfy(t -> assertThat(t.counters().backlog()).isPositive());

            hub.start();
            await().atMost(Duration.ofMinutes(3)).until(() -> site.terminals().stream()
                    .allMatch(t -> t.counters().backlog() == 0));

            Set<String> witnessed = new HashSet<>(deviceEventIds(hub, "witness"));
            assertThat(witnessed).as("every record acknowledged before the kill").containsAll(acknowledged);
            for (Terminal terminal : site.terminals()) {
                List<String> stored = deviceEventIds(hub, terminal.serial());
                long generated = terminal.counters().generated();
                assertThat(stored).as(terminal.version() + ": every record, once").hasSize((int) generated);
                assertThat(new HashSet<>(stored)).hasSize((int) generated);
                assertThat(terminal.counters().dropped()).isZero();
            }
        } finally {
            load.shutdownNow();
        }
    }

    /** People walk up to the terminal one after another, as fast as it decides (about 500 a second). */
    private static Void walkUps(Terminal terminal, AtomicBoolean walking) throws Exception {
        for (int i = 0; walking.get(); i++) {
            terminal.recognize(String.valueOf(1 + i % 12), null).toCompletionStage().toCompletableFuture().get();
            Thread.sleep(2);
        }
        return null;
    }

    /** A device of the test's own that notes every record the hub acknowledged. */
    private static Void witness(String push, Set<String> acknowledged, AtomicBoolean running) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int i = 0; running.get(); i++) {
            String uuid = "witness-" + i;
            String record = "{\"type\":0,\"data\":{\"deviceSN\":\"PSC-WITNESS\",\"uuid\":\"" + uuid + "\","
                    + "\"recognitionType\":1,\"recognizeScore\":0.9,\"mask\":0,\"mode\":3,\"rgb_image\":\"\","
                    + "\"pass\":true,\"timestamp\":" + Instant.now().getEpochSecond() + ",\"entry_mode\":1,"
                    + "\"user\":{\"user_id\":\"5\",\"name\":\"Witness\",\"type\":1}}}";
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(push))
                        .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString(record)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"code\":200")) {
                    acknowledged.add("sense/PSC-WITNESS/" + uuid); // its dedupe key
                }
            } catch (Exception e) {
                // the hub died mid-request: not acknowledged
            }
        }
        return null;
    }

    private static List<String> deviceEventIds(ChildHub hub, String device) throws Exception {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = hub.get("/api/events?device=" + device + "&limit=500"
                    + (cursor == null ? "&order=asc" : "&cursor=" + cursor));
            page.path("events").forEach(e -> ids.add(e.path("dedupeKey").asText()));
            cursor = page.path("more").asBoolean() ? page.path("next").asText() : null;
        } while (cursor != null);
        return ids;
    }

    private static void subscribe(Terminal terminal, String push) throws Exception {
        String basic = Base64.getEncoder().encodeToString((terminal.username() + ":" + terminal.password())
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(terminal.baseUrl() + "/v1/event/subscribe")).header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString("{\"event_dest\":\"" + push + "\",\"enabled\":true}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.body()).contains("\"code\":200");
    }
}
