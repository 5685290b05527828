package io.gatehouse.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.protocol.sense.SenseVersion;
import io.gatehouse.protocol.sophon.SophonVersion;
import io.gatehouse.server.device.DeviceHub;
import io.gatehouse.simulator.SimulatedSite;
import io.gatehouse.simulator.SiteConfig;
import io.gatehouse.simulator.roster.Roster;
import io.gatehouse.simulator.terminal.Terminal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end against the emulator: a terminal of every firmware version pushes to its own receiver address on a
 * real hub, over loopback, and every record (and v1.3.0's alarms) is stored once, in its version's dialect.
 */
class EmulatedPushTest {
    private static final int WALKUPS = 12;

    @TempDir
    Path data;

    @Test
    void everyFirmwareVersionPushesAndEveryRecordIsStoredOnce() throws Exception {
        List<SenseVersion> versions = List.of(SenseVersion.values());
        SiteConfig config = SiteConfig.forTests().withTls(false).withFirstAddress("127.0.3.1")
                .withDevices(versions.size(), 0, 0).withVersions(versions, SophonVersion.V5);
        try (DeviceHub hub = new DeviceHub(data); SimulatedSite site = SimulatedSite.start(config)) {
            for (Terminal terminal : site.terminals()) {
                JsonNode device = hub.registerTerminal(id(terminal), terminal.serial());
                TerminalSetup.push(terminal, device.path("receivers").path("push").asText());
            }

            for (Terminal terminal : site.terminals()) {
                for (int i = 0; i < WALKUPS; i++) {
                    String person = i % 4 == 3 ? Roster.STRANGER : String.valueOf(1 + i % 12);
                    terminal.recognize(person, null).toCompletionStage().toCompletableFuture().get();
                }
                if (terminal.version().equals("v1.3.0")) {
                    terminal.raiseAlarm(10001, 1, "tamper").toCompletionStage().toCompletableFuture().get();
                    terminal.raiseAlarm(10001, 3, "tamper").toCompletionStage().toCompletableFuture().get();
                }
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> site.terminals().stream()
                    .allMatch(t -> t.counters().delivered() == t.counters().generated()));

            for (Terminal terminal : site.terminals()) {
                JsonNode events = hub.events("device=" + id(terminal));
                long generated = terminal.counters().generated();
                assertThat(events).as(terminal.version()).hasSize((int) generated);
                Set<String> keys = new HashSet<>();
                events.forEach(e -> keys.add(e.path("dedupeKey").asText()));
                assertThat(keys).as("distinct events of " + terminal.version()).hasSize((int) generated);
                JsonNode passages = hub.events("device=" + id(terminal) + "&type=access");
                assertThat(passages).allSatisfy(e -> {
                    assertThat(e.path("source").path("dialect").asText()).endsWith(terminal.version());
                    assertThat(e.path("source").path("deviceSerial").asText()).isEqualTo(terminal.serial());
                });
            }
            assertThat(hub.events("type=alarm")).hasSize(2);
            assertThat(hub.get("/api/quarantine").path("payloads")).isEmpty();
        }
    }

    static String id(Terminal terminal) {
        return "door-" + terminal.version().replace('.', '-');
    }
}
