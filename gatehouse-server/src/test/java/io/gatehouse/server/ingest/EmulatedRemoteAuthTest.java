package io.gatehouse.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.protocol.sense.SenseVersion;
import io.gatehouse.protocol.sophon.SophonVersion;
import io.gatehouse.server.HubConfig;
import io.gatehouse.server.TestHub;
import io.gatehouse.server.device.DeviceHub;
import io.gatehouse.simulator.SimulatedSite;
import io.gatehouse.simulator.SiteConfig;
import io.gatehouse.simulator.terminal.Passage;
import io.gatehouse.simulator.terminal.Terminal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * An emulated terminal in {@code auth_mode} 1 asks the hub: the door opens or stays shut on the hub's answer and
 * shows its tip; the decision is linked to the record the terminal pushes; with the hub gone, the terminal falls
 * back to deciding locally after its configured minutes.
 */
class EmulatedRemoteAuthTest {
    private static final String DIRECTORY = """
            {"sites": [{"id": "hq", "name": "HQ", "zone": "UTC"}],
             "groups": [{"id": "staff", "name": "Staff"}],
             "doors": [{"id": "front", "name": "Front", "siteId": "hq", "deviceSerial": "%s"}],
             "people": [{"id": "2", "name": "Ann Lee", "type": "employee", "groupIds": ["staff"]},
                        {"id": "4", "name": "Bruno Diaz", "type": "employee"}],
             "rules": [{"id": "staff-front", "groupId": "staff", "doorId": "front"}]}
            """;

    @TempDir
    Path data;

    /** Remote authorization is documented from v1.1.0 on; each version's request and record differ. */
    @ParameterizedTest
    @EnumSource(value = SenseVersion.class, names = {"V1_1_0", "V1_2_1", "V1_3_0"})
    void theDoorFollowsTheHubsDecisionAndTheStoryIsLinked(SenseVersion version) throws Exception {
        SiteConfig config = SiteConfig.forTests().withTls(false).withFirstAddress("127.0.4." + (1 + version.ordinal()))
                .withDevices(1, 0, 0).withVersions(List.of(version), SophonVersion.V5);
        HubConfig hubConfig = HubConfig.defaults().withPort(0).withDataDir(data).withAdminToken(TestHub.TOKEN);
        try (SimulatedSite site = SimulatedSite.start(config)) {
            Terminal door = site.terminals().get(0);
            try (DeviceHub hub = new DeviceHub(hubConfig)) {
                JsonNode device = hub.registerTerminal("front", door.serial(), "remote-auth");
                TerminalSetup.push(door, device.path("receivers").path("push").asText());
                TerminalSetup.remoteAuth(door, device.path("receivers").path("auth").asText(), 1);
                await().atMost(Duration.ofSeconds(20)).until(() -> hub.hub.get("/api/access/health").statusCode() == 200);
                assertThat(hub.post("/api/access/import", DIRECTORY.formatted(door.serial())).statusCode()).isEqualTo(200);

                Passage ann = walkUp(door, "2");
                Passage bruno = walkUp(door, "4");

                assertThat(ann.decidedBy()).isEqualTo(Passage.DecidedBy.REMOTE);
                assertThat(ann.pass()).isTrue();
                assertThat(ann.tip()).isEqualTo("Hi Ann Lee");
                assertThat(bruno.decidedBy()).isEqualTo(Passage.DecidedBy.REMOTE);
                assertThat(bruno.pass()).isFalse();
                assertThat(bruno.tip()).isEqualTo("No access");
                await().atMost(Duration.ofSeconds(20)).until(() ->
                        hub.get("/api/authorizations?linked=true").path("authorizations").size() == 2);
                JsonNode stories = hub.get("/api/authorizations").path("authorizations");
                assertThat(stories.get(1).path("summary").asText()).contains("allowed by rule staff-front", "door opened");
                assertThat(stories.get(0).path("summary").asText()).contains("denied", "door stayed shut");
                assertThat(door.counters().doorOpened()).isEqualTo(1);
            }

            // the hub is gone: after a protocol minute without an answered heartbeat the terminal decides alone
            await().atMost(Duration.ofSeconds(20)).until(() -> walkUp(door, "4").decidedBy()
                    == Passage.DecidedBy.LOCAL_FALLBACK);
        }
    }

    private static Passage walkUp(Terminal door, String person) throws Exception {
        return door.recognize(person, null).toCompletionStage().toCompletableFuture().get();
    }
}
