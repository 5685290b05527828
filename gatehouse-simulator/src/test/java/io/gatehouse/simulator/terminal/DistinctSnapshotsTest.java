package io.gatehouse.simulator.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatehouse.simulator.Await;
import io.gatehouse.simulator.SimulatedSite;
import io.gatehouse.simulator.SiteConfig;
import io.gatehouse.simulator.TerminalClient;
import io.gatehouse.simulator.TestReceiver;
import io.gatehouse.simulator.TestSites;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A camera's snapshot is new with every capture; the emulator makes it so when asked (a replay or a load test that
 * must store an image per record), and otherwise lets every capture of a person share one picture (a large fleet
 * then holds a handful of images, not one per record). Either way each snapshot is a JPEG a decoder reads.
 */
class DistinctSnapshotsTest {

    @ParameterizedTest(name = "distinct snapshots: {0}")
    @ValueSource(booleans = {true, false})
    void twoCapturesOfOnePersonAreTwoImagesOnlyWhenAsked(boolean distinct) throws Exception {
        try (SimulatedSite site = SimulatedSite.start(SiteConfig.forTests().withDevices(1, 0, 0)
                .withDistinctSnapshots(distinct));
             TestReceiver receiver = new TestReceiver(site.vertx())) {
            Terminal terminal = site.terminals().get(0);
            try (TerminalClient client = new TerminalClient(site.vertx(), terminal)) {
                TestSites.subscribe(client, receiver.url("/push"));
            }
            Await.result(terminal.recognize("3", null));
            Await.result(terminal.recognize("3", null));
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.pushes.size() == 2);

            List<byte[]> snapshots = receiver.pushes.stream()
                    .map(p -> Base64.getDecoder().decode(p.json().path("data").path("rgb_image").asText())).toList();
            for (byte[] snapshot : snapshots) {
                assertThat(ImageIO.read(new ByteArrayInputStream(snapshot))).as("a readable JPEG").isNotNull();
            }
            if (distinct) {
                assertThat(snapshots.get(0)).isNotEqualTo(snapshots.get(1));
            } else {
                assertThat(snapshots.get(0)).isEqualTo(snapshots.get(1));
            }
        }
    }
}
