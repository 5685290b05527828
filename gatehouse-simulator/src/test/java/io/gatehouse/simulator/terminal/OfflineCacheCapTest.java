package io.gatehouse.simulator.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatehouse.simulator.Await;
import io.gatehouse.simulator.SimulatedSite;
import io.gatehouse.simulator.SiteConfig;
import io.gatehouse.simulator.TerminalClient;
import io.gatehouse.simulator.TestReceiver;
import io.gatehouse.simulator.TestSites;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The documented cap: 50,000 records. The 50,001st pushes the oldest out, and a replay starts at the oldest
 * record still held and goes on in order.
 */
class OfflineCacheCapTest {
    private static final int CAP = 50_000;
    private static final int OVER = 10;

    @Test
    void theCacheHolds50000RecordsDropsTheOldestAndReplaysTheRestInOrder() throws Exception {
        try (SimulatedSite site = SimulatedSite.start(SiteConfig.forTests().withDevices(1, 0, 0).withCapacities(CAP, 10))) {
            Terminal terminal = site.terminals().get(0);
            TestReceiver receiver = new TestReceiver(site.vertx());
            receiver.pushMode = TestReceiver.Mode.FAIL_500;
            try (TerminalClient client = new TerminalClient(site.vertx(), terminal)) {
                TestSites.subscribe(client, receiver.url("/push"));
            }

            List<String> produced = new ArrayList<>(walkUps(terminal, 1));
            await().atMost(Duration.ofSeconds(10)).until(() -> terminal.counters().cached() == 1);
            produced.addAll(walkUps(terminal, CAP + OVER - 1));
            await().atMost(Duration.ofSeconds(30)).until(() -> terminal.counters().dropped() == OVER);
            assertThat(terminal.counters().cacheSize()).isEqualTo(CAP);
            assertThat(terminal.counters().cached()).isEqualTo(CAP + OVER);
            // A retry sent while an older record was still the head can reach the busy receiver seconds later
            // (after the terminal gave up on it); once the new head's retry has arrived, those are all in.
            String head = produced.get(OVER);
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.pushedUuids().contains(head));

            receiver.pushes.clear();
            receiver.pushMode = TestReceiver.Mode.ANSWER;
            await().atMost(Duration.ofSeconds(120)).until(() -> terminal.counters().delivered() == CAP);

            List<String> replayed = receiver.pushedUuids();
            assertThat(replayed.get(0)).as("the oldest records were dropped").isEqualTo(produced.get(OVER));
            assertThat(dropRepeatedHead(replayed)).containsExactlyElementsOf(produced.subList(OVER, produced.size()));
            assertThat(terminal.counters().cacheSize()).isZero();
        }
    }

    /** A retry in flight when the receiver came back may have reached it once before its answered attempt. */
    private static List<String> dropRepeatedHead(List<String> replayed) {
        return replayed.size() > 1 && replayed.get(0).equals(replayed.get(1)) ? replayed.subList(1, replayed.size()) : replayed;
    }

    private static List<String> walkUps(Terminal terminal, int count) {
        List<Future<Passage>> passages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            passages.add(terminal.recognize(String.valueOf(1 + i % 12), null));
        }
        List<String> uuids = new ArrayList<>(count);
        for (Future<Passage> passage : passages) {
            uuids.add(Await.result(passage).uuid());
        }
        return uuids;
    }
}
