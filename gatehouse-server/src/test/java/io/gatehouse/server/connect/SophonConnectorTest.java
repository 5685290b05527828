package io.gatehouse.server.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.core.store.Channel;
import io.gatehouse.protocol.json.Json;
import io.gatehouse.protocol.sense.SenseVersion;
import io.gatehouse.protocol.sophon.SophonConfig;
import io.gatehouse.protocol.sophon.SophonVersion;
import io.gatehouse.simulator.SimulatedSite;
import io.gatehouse.simulator.SiteConfig;
import io.gatehouse.simulator.device.NetworkCondition;
import io.gatehouse.simulator.sophon.Camera;
import io.gatehouse.simulator.sophon.SeBox;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SE box: cameras listed over REST, the configuration sent on port 5679 in the box's own version, every event
 * passed on raw, and the configuration sent again when the box's cameras change.
 */
class SophonConnectorTest {
    private final Vertx hub = Vertx.vertx();
    private final RecordingListener listener = new RecordingListener();
    private SimulatedSite site;
    private SophonConnector connector;

    private SeBox start(SophonVersion version, int cameras) throws Exception {
        site = SimulatedSite.start(SiteConfig.forTests().withDevices(0, 1, cameras)
                .withVersions(List.of(SenseVersion.V1_3_0), version));
        return site.boxes().get(0);
    }

    private SophonConnector connect(SeBox box, List<String> cameras, SophonVersion version) {
        connector = SophonConnector.start(hub, Emulated.endpoint(box), cameras, version, listener, ConnectorSettings.forTests());
        return connector;
    }

    @AfterEach
    void stop() throws Exception {
        if (connector != null) {
            Blocking.await(connector.stop());
        }
        if (site != null) {
            site.close();
        }
        Blocking.await(hub.close());
    }

    @Test
    void aV5BoxGetsAV5ConfigurationForEveryCameraAndItsEventsArriveRawWithTheirImages() throws Exception {
        SeBox box = start(SophonVersion.V5, 2);
        List<String> cameras = ids(box.cameras());
        connect(box, List.of(), SophonVersion.V5);
        await().atMost(Duration.ofSeconds(10)).until(() -> connector.state() == DeviceState.ONLINE);

        assertThat(connector.configuration()).isEqualTo(SophonConfig.of(SophonVersion.V5, true, true, cameras));
        assertThat(listener.infos).containsExactly(new DeviceInfo(null, null, null, cameras));
        assertThat(Blocking.await(box.recognize("1", cameras.get(1))).sentTo()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(5)).until(() -> listener.payloads.size() == 1);
        RecordingListener.Payload payload = listener.payloads.get(0);
        assertThat(payload.channel()).isEqualTo(Channel.SOPHON_WEBSOCKET);
        JsonNode event = Json.standard().parse(payload.text());
        assertThat(event.path("device_id").asText()).isEqualTo(cameras.get(1));
        assertThat(event.path("ext_data").path("recognize_face").asText()).as("need_face was sent").isNotEmpty();
        assertThat(event.path("reg_pic").asText()).as("need_register was sent").isNotEmpty();
        assertThat(listener.offLoopCalls).hasValue(0);
    }

    @Test
    void aV6BoxStreamsOnlyTheChosenCameras() throws Exception {
        SeBox box = start(SophonVersion.V6, 3);
        List<String> cameras = ids(box.cameras());
        connect(box, List.of(cameras.get(2)), SophonVersion.V6);
        await().atMost(Duration.ofSeconds(10)).until(() -> connector.state() == DeviceState.ONLINE);

        assertThat(connector.configuration()).isEqualTo(SophonConfig.of(SophonVersion.V6, true, true, List.of(cameras.get(2))));
        assertThat(Blocking.await(box.recognize("1", cameras.get(0))).sentTo()).isZero();
        assertThat(Blocking.await(box.recognize("2", cameras.get(2))).sentTo()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(5)).until(() -> listener.payloads.size() == 1);
        JsonNode event = Json.standard().parse(listener.payloads.get(0).text());
        assertThat(event.path("media_device_id").asText()).isEqualTo(cameras.get(2));
        assertThat(event.path("recognize_face_image").asText()).startsWith("data:image/jpeg;base64,");
    }

    @Test
    void theConfigurationIsSentAgainWhenTheBoxsCamerasChange() throws Exception {
        SeBox box = start(SophonVersion.V5, 2);
        connect(box, List.of(), SophonVersion.V5);
        await().atMost(Duration.ofSeconds(10)).until(() -> connector.state() == DeviceState.ONLINE);

        List<Camera> more = new ArrayList<>(box.cameras());
        Camera added = new Camera("7c1e0f4e-0000-4000-8000-000000000003", "camera-3");
        more.add(added);
        Blocking.await(box.setCameras(more));

        await().atMost(Duration.ofSeconds(10)).until(() -> connector.configuration().cameras().contains(added.id()));
        await().atMost(Duration.ofSeconds(5)).until(() -> Blocking.await(box.recognize("5", added.id())).sentTo() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> !listener.payloads.isEmpty());
        assertThat(listener.infos).last().isEqualTo(new DeviceInfo(null, null, null, ids(more)));
    }

    @Test
    void aChosenCameraTheBoxDoesNotHaveDegradesItAndTheOthersStillStream() throws Exception {
        SeBox box = start(SophonVersion.V5, 2);
        String kept = box.cameras().get(0).id();
        connect(box, List.of(kept, "no-such-camera"), SophonVersion.V5);

        await().atMost(Duration.ofSeconds(10)).until(() -> connector.state() == DeviceState.DEGRADED
                && connector.configuration() != null);
        assertThat(connector.reason()).isEqualTo("chosen cameras not on the box: no-such-camera");
        assertThat(connector.configuration().cameras()).containsExactly(kept);
    }

    @Test
    void aBoxOfAnotherVersionSaysSoAndTheReasonTellsTheOperator() throws Exception {
        SeBox box = start(SophonVersion.V5, 1);
        connect(box, List.of(), SophonVersion.V6);

        await().atMost(Duration.ofSeconds(10)).until(() -> connector.state() == DeviceState.DEGRADED);
        assertThat(connector.reason()).isEqualTo("the device closed the WebSocket with status 1008: this box speaks V5:"
                + " send need_face, need_register, event_list");
    }

    @Test
    void theStreamComesBackAfterTheBoxsNetworkDoes() throws Exception {
        SeBox box = start(SophonVersion.V6, 1);
        String camera = box.cameras().get(0).id();
        connect(box, List.of(), SophonVersion.V6);
        await().atMost(Duration.ofSeconds(10)).until(() -> connector.state() == DeviceState.ONLINE);

        Blocking.await(box.setNetwork(NetworkCondition.offline()));
        await().atMost(Duration.ofSeconds(10)).until(() -> connector.state() == DeviceState.OFFLINE);
        Blocking.await(box.setNetwork(NetworkCondition.UP));
        await().atMost(Duration.ofSeconds(10)).until(() -> connector.state() == DeviceState.ONLINE);

        await().atMost(Duration.ofSeconds(5)).until(() -> Blocking.await(box.recognize("1", camera)).sentTo() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> !listener.payloads.isEmpty());
    }

    private static List<String> ids(List<Camera> cameras) {
        return cameras.stream().map(Camera::id).toList();
    }
}
