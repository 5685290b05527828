package io.gatehouse.server.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.protocol.sense.SenseVersion;
import io.gatehouse.protocol.sophon.SophonVersion;
import io.gatehouse.server.HubConfig;
import io.gatehouse.server.TestHub;
import io.gatehouse.server.connect.ConnectorSettings;
import io.gatehouse.server.store.StoreSettings;
import io.gatehouse.simulator.SimulatedSite;
import io.gatehouse.simulator.SiteConfig;
import io.gatehouse.simulator.roster.Roster;
import io.gatehouse.simulator.sophon.Camera;
import io.gatehouse.simulator.sophon.SeBox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An SE box registered with the hub streams: the hub lists its cameras, sends the configuration in the box's
 * document version, and every sighting of every camera lands in {@code /api/events}, also when the box sends
 * faster than the store takes one device's events.
 */
class ConnectedSeBoxTest {
    private static final int SIGHTINGS_PER_CAMERA = 5;

    @TempDir
    Path data;

    @ParameterizedTest
    @EnumSource(SophonVersion.class)
    void everySightingOfEveryCameraReachesTheEventsApi(SophonVersion version) throws Exception {
        // the hub closes first: a box whose emulator closes under a live connection has left the hub's socket
        // waiting for an answer to its close (about one run in ten on a busy machine), which is not what this tests
        try (SimulatedSite site = SimulatedSite.start(site(version, 3)); DeviceHub hub = new DeviceHub(data)) {
            SeBox box = site.boxes().get(0);
            hub.register("yard", box);
            await().atMost(Duration.ofSeconds(30)).until(() -> hub.state("yard").equals("ONLINE"));

            for (Camera camera : box.cameras()) {
                for (int i = 0; i < SIGHTINGS_PER_CAMERA; i++) {
                    String person = i == 0 ? Roster.STRANGER : String.valueOf(i);
                    assertThat(box.recognize(person, camera.id()).toCompletionStage().toCompletableFuture().get()
                            .sentTo()).isEqualTo(1);
                }
            }

            int expected = SIGHTINGS_PER_CAMERA * box.cameras().size();
            await().atMost(Duration.ofSeconds(20)).until(() -> hub.events("device=yard").size() == expected);
            JsonNode events = hub.events("device=yard");
            Set<String> cameras = new HashSet<>();
            events.forEach(e -> {
                assertThat(e.path("channel").asText()).isEqualTo("SOPHON_WEBSOCKET");
                assertThat(e.path("source").path("dialect").asText()).contains(version.label());
                cameras.add(e.path("source").path("cameraId").asText());
            });
            assertThat(cameras).containsExactlyInAnyOrderElementsOf(box.cameras().stream().map(Camera::id).toList());
            JsonNode device = hub.get("/api/devices/yard");
            assertThat(device.path("info").path("cameras")).hasSize(3);
            assertThat(device.path("counters").path("rejected").asInt()).isZero();
        }
    }

    @Test
    void aBurstTheStoreCannotTakeAtOnceWaitsAndIsStoredWhole() throws Exception {
        // a store queue of one event, two boxes sending at once: most appends find the store full at first
        HubConfig config = HubConfig.defaults().withPort(0).withDataDir(data).withAdminToken(TestHub.TOKEN)
                .withConnect(ConnectorSettings.forTests())
                .withStore(new StoreSettings(1, 1, 1, StoreSettings.DEFAULTS.lateThreshold()));
        SiteConfig twoBoxes = site(SophonVersion.V6, 2).withDevices(0, 2, 2);
        try (SimulatedSite site = SimulatedSite.start(twoBoxes); DeviceHub hub = new DeviceHub(config)) {
            List<SeBox> boxes = site.boxes();
            for (SeBox box : boxes) {
                hub.register(box.serial(), box);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> hub.state(boxes.get(0).serial()).equals("ONLINE")
                    && hub.state(boxes.get(1).serial()).equals("ONLINE"));

            int burst = 50;
            for (int i = 0; i < burst; i++) {
                for (SeBox box : boxes) {
                    box.recognize(String.valueOf(1 + i % 12), box.cameras().get(i % 2).id());
                }
            }

            for (SeBox box : boxes) {
                await().atMost(Duration.ofSeconds(60)).until(() -> hub.events("device=" + box.serial()).size() == burst);
            }
            assertThat(hub.metrics()).as("the store refused some appends at first")
                    .containsPattern("gatehouse_ingest_rejected_total\\{[^}]*reason=\"store_full\"[^}]*} [1-9]");
        }
    }

    private static SiteConfig site(SophonVersion version, int cameras) {
        return SiteConfig.forTests().withFirstAddress("127.0.4.21").withDevices(0, 1, cameras)
                .withVersions(List.of(SenseVersion.V1_3_0), version);
    }
}
