package io.gatehouse.simulator.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatehouse.simulator.Await;
import io.gatehouse.simulator.SimulatedSite;
import io.gatehouse.simulator.SiteConfig;
import io.gatehouse.simulator.TerminalClient;
import io.gatehouse.simulator.TestReceiver;
import io.gatehouse.simulator.TestSites;
import io.gatehouse.simulator.device.CounterSnapshot;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The documents: when the receiver is unreachable, the network fails or no answer arrives, the terminal caches
 * the record (up to 50,000) and uploads it when the network recovers. Here a record counts as delivered only on
 * HTTP 200 with body code 200, and the cache replays oldest first.
 */
class OfflineCacheTest {
    private SimulatedSite site;
    private TestReceiver receiver;
    private Terminal terminal;

    @BeforeEach
    void start() throws Exception {
        site = SimulatedSite.start(SiteConfig.forTests().withDevices(1, 0, 0).withTiming(
                new io.gatehouse.simulator.device.DeviceTiming(Duration.ofSeconds(1), Duration.ofMillis(100),
                        Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofMillis(100))));
        receiver = new TestReceiver(site.vertx());
        terminal = site.terminals().get(0);
        try (TerminalClient client = new TerminalClient(site.vertx(), terminal)) {
            TestSites.subscribe(client, receiver.url("/push"));
        }
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    private List<String> walkUps(int count) {
        List<Future<Passage>> passages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            passages.add(terminal.recognize(String.valueOf(1 + i % 12), null));
        }
        return passages.stream().map(p -> Await.result(p).uuid()).toList();
    }

    @ParameterizedTest(name = "receiver {0}")
    @EnumSource(value = TestReceiver.Mode.class, names = {"FAIL_500", "CODE_NOT_200", "SILENT"})
    void recordsTheReceiverDoesNotTakeAreCachedThenReplayedInOrder(TestReceiver.Mode failure) {
        receiver.pushMode = failure;
        List<String> produced = walkUps(20);
        await().atMost(Duration.ofSeconds(10)).until(() -> terminal.counters().cached() == 20);
        assertThat(terminal.counters().delivered()).isZero();
        assertThat(terminal.counters().cacheSize()).isEqualTo(20);

        receiver.pushMode = TestReceiver.Mode.ANSWER;
        await().atMost(Duration.ofSeconds(20)).until(() -> terminal.counters().delivered() == 20);

        List<String> taken = takenInOrder();
        assertThat(taken).containsExactlyElementsOf(produced);
        assertThat(terminal.counters().cacheSize()).isZero();
        assertThat(terminal.counters().dropped()).isZero();
    }

    /** The uuids of the pushes the receiver answered with code 200, each once, in the order they came. */
    private List<String> takenInOrder() {
        List<String> all = receiver.pushedUuids();
        // earlier attempts of the head record were refused; the answered replay starts at its last attempt
        int firstAnswered = all.size() - 20;
        return all.subList(firstAnswered, all.size());
    }

    @Test
    void anUnreachableReceiverIsTheSameAsARefusal() {
        receiver.close();
        List<String> produced = walkUps(5);
        await().atMost(Duration.ofSeconds(10)).until(() -> terminal.counters().cacheSize() == 5);

        try (TestReceiver back = new TestReceiver(site.vertx())) {
            try (TerminalClient client = new TerminalClient(site.vertx(), terminal)) {
                TestSites.subscribe(client, back.url("/push"));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> terminal.counters().delivered() == 5);
            assertThat(back.pushedUuids()).containsExactlyElementsOf(produced);
        }
    }

    @Test
    void aRecordPushedAtOnceIsNotCounted() {
        walkUps(3);
        await().atMost(Duration.ofSeconds(10)).until(() -> terminal.counters().delivered() == 3);

        CounterSnapshot counters = terminal.counters();
        assertThat(counters.cached()).isZero();
        assertThat(counters.generated()).isEqualTo(3);
    }
}
