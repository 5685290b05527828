package io.gatehouse.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.protocol.sense.SenseVersion;
import io.gatehouse.protocol.sophon.SophonVersion;
import io.gatehouse.server.HubConfig;
import io.gatehouse.server.TestHub;
import io.gatehouse.server.device.DeviceHub;
import io.gatehouse.server.store.StoreSettings;
import io.gatehouse.simulator.SimulatedSite;
import io.gatehouse.simulator.SiteConfig;
import io.gatehouse.simulator.device.NetworkCondition;
import io.gatehouse.simulator.terminal.Terminal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A terminal cut off from the hub while 5,000 people walk through keeps their records in its cache; when it is back,
 * it replays them, and the hub stores each once, in the order they happened, with their own time and marked late.
 */
class ReplayTest {
    static final int EVENTS = Integer.getInteger("gatehouse.replay.events", 5_000);

    @TempDir
    Path data;

    @Test
    void aTerminalBackFromAnOutageDeliversEveryCachedRecordOnceInTimeOrder() throws Exception {
        SiteConfig config = SiteConfig.forTests().withTls(false).withFirstAddress("127.0.5.1").withDevices(1, 0, 0)
                .withVersions(java.util.List.of(SenseVersion.V1_3_0), SophonVersion.V5);
        HubConfig hubConfig = HubConfig.defaults().withPort(0).withDataDir(data).withAdminToken(TestHub.TOKEN)
                .withStore(new StoreSettings(10_000, 500, 2, Duration.ofSeconds(1)));
        try (DeviceHub hub = new DeviceHub(hubConfig); SimulatedSite site = SimulatedSite.start(config)) {
            Terminal door = site.terminals().get(0);
            JsonNode device = hub.registerTerminal("door", door.serial());
            TerminalSetup.push(door, device.path("receivers").path("push").asText());

            door.setNetwork(NetworkCondition.offline()).toCompletionStage().toCompletableFuture().get();
            Instant offlineFrom = Instant.now();
            CompletableFuture<?>[] walkUps = new CompletableFuture<?>[EVENTS];
            for (int i = 0; i < EVENTS; i++) {
                walkUps[i] = door.recognize(String.valueOf(1 + i % 12), null).toCompletionStage().toCompletableFuture();
            }
            CompletableFuture.allOf(walkUps).get();
            await().atMost(Duration.ofSeconds(30)).until(() -> door.counters().cacheSize() == EVENTS);
            assertThat(hub.events("")).isEmpty();
            Thread.sleep(Math.max(0, 2_000 - Duration.between(offlineFrom, Instant.now()).toMillis()));

            door.setNetwork(NetworkCondition.UP).toCompletionStage().toCompletableFuture().get();
            await().atMost(Duration.ofMinutes(3)).until(() -> door.counters().backlog() == 0);

            Set<String> uuids = new HashSet<>();
            Instant previous = Instant.EPOCH;
            long previousSeq = 0;
            int rows = 0;
            int late = 0;
            String cursor = null;
            do {
                JsonNode page = hub.get("/api/events?order=asc&limit=500" + (cursor == null ? "" : "&cursor=" + cursor));
                for (JsonNode e : page.path("events")) {
                    uuids.add(e.path("deviceEventId").asText());
                    Instant at = Instant.parse(e.path("occurredAt").asText());
                    assertThat(at).as("stored in the order they happened").isAfterOrEqualTo(previous);
                    assertThat(e.path("seq").asLong()).isGreaterThan(previousSeq);
                    previous = at;
                    previousSeq = e.path("seq").asLong();
                    rows++;
                    late += e.path("late").asBoolean() ? 1 : 0;
                }
                cursor = page.path("more").asBoolean() ? page.path("next").asText() : null;
            } while (cursor != null);
            assertThat(uuids).hasSize(EVENTS);
            assertThat(rows).as("nothing stored twice").isEqualTo(EVENTS);
            assertThat(late).as("replayed more than a second after they happened").isGreaterThan(EVENTS / 2);
            assertThat(door.counters().dropped()).isZero();
        }
    }
}
