package io.gatehouse.server.store;

import static io.gatehouse.server.DevicePayloads.alarm;
import static io.gatehouse.server.DevicePayloads.authorizationRequest;
import static io.gatehouse.server.DevicePayloads.ingested;
import static io.gatehouse.server.DevicePayloads.jpeg;
import static io.gatehouse.server.DevicePayloads.pushed;
import static io.gatehouse.server.DevicePayloads.recognition;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.core.event.EventKind;
import io.gatehouse.core.store.Channel;
import io.gatehouse.core.store.EventFilter;
import io.gatehouse.core.store.EventPage;
import io.gatehouse.core.store.EventType;
import io.gatehouse.core.store.PageRequest;
import io.gatehouse.core.store.StoredEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A small site's day in the store, and what each filter finds in it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventQueriesTest {
    private static final Instant T0 = Instant.parse("2026-01-01T08:00:00Z");
    private static final String LOBBY = "LOBBY-TERMINAL";
    private static final String GARAGE = "GARAGE-TERMINAL";

    Path data;
    StoreFixture store;

    @BeforeAll
    void aDayAtTwoDoors(@TempDir Path dir) throws Exception {
        data = dir;
        store = new StoreFixture(data.resolve("day"));
        // the lobby lets 王五 in, by push
        store.append(ingested(recognition(LOBBY, "wang-in", "5", "王五", true, T0, jpeg(800, 1)), LOBBY, "lobby",
                Channel.RECORD_PUSH, T0.plusSeconds(1)));
        // the garage refuses Alice Smith, seen on the WebSocket
        store.append(ingested(recognition(GARAGE, "alice-refused", "7", "Alice Smith", false, T0.plusSeconds(3600),
                jpeg(800, 2)), GARAGE, "garage", Channel.TERMINAL_WEBSOCKET, T0.plusSeconds(3601)));
        // the lobby's tamper switch opens
        store.append(ingested(alarm("SPX-1", 10001, 1, T0.plusSeconds(7200), null), LOBBY, "lobby",
                Channel.RECORD_PUSH, T0.plusSeconds(7200)));
        // the lobby asks whether 科恩 may pass
        store.append(ingested(authorizationRequest(LOBBY, "k-1", "科恩", T0.plusSeconds(7300), jpeg(800, 3)), LOBBY,
                "lobby", Channel.REMOTE_AUTH, T0.plusSeconds(7300)));
        // the garage comes back online and replays a passage from three hours ago
        store.append(ingested(recognition(GARAGE, "alice-cached", "7", "Alice Smith", true, T0.minusSeconds(3 * 3600),
                jpeg(800, 4)), GARAGE, "garage", Channel.RECORD_PUSH, T0));
    }

    @AfterAll
    void close() throws Exception {
        store.close();
    }

    @Test
    void eachFilterFindsExactlyItsEvents() throws Exception {
        assertThat(keys(filter().from(T0.plusSeconds(3600)).build()))
                .containsExactly("alice-refused", "SPX-1", "auth");
        assertThat(keys(filter().until(T0).build())).containsExactly("alice-cached");
        assertThat(keys(filter().from(T0).until(T0.plusSeconds(7200)).build()))
                .containsExactly("wang-in", "alice-refused");
        assertThat(keys(filter().device("garage").build())).containsExactly("alice-refused", "alice-cached");
        assertThat(keys(filter().serial(LOBBY).build())).containsExactly("wang-in", "SPX-1", "auth");
        assertThat(keys(filter().personId("7").build())).containsExactly("alice-refused", "alice-cached");
        assertThat(keys(filter().personName("alice").build())).containsExactly("alice-refused", "alice-cached");
        assertThat(keys(filter().personName("王").build())).containsExactly("wang-in");
        assertThat(keys(filter().personName("%").build())).isEmpty();
        assertThat(keys(filter().type(EventType.ALARM).build())).containsExactly("SPX-1");
        assertThat(keys(filter().kind(EventKind.AUTHORIZATION_REQUEST).build())).containsExactly("auth");
        assertThat(keys(filter().channel(Channel.TERMINAL_WEBSOCKET).build())).containsExactly("alice-refused");
        assertThat(keys(filter().passed(true).build())).containsExactly("wang-in", "alice-cached");
        assertThat(keys(filter().passed(false).build())).containsExactly("alice-refused");
        assertThat(keys(filter().late(true).build())).containsExactly("alice-cached");
        assertThat(keys(filter().late(false).build())).hasSize(4);
        assertThat(keys(filter().alarmCode(10001).alarmStatus(1).build())).containsExactly("SPX-1");
        assertThat(keys(filter().alarmCode(10002).build())).isEmpty();
        assertThat(keys(filter().device("lobby").passed(true).personId("5").build())).containsExactly("wang-in");
    }

    @Test
    void pagesNeitherRepeatNorSkipWhileEventsArrive() throws Exception {
        try (StoreFixture busy = new StoreFixture(data.resolve("busy"))) {
            for (int i = 0; i < 120; i++) {
                busy.append(pushed("before-" + i, "p", "P", true, T0.plusSeconds(i)));
            }
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<Integer> arriving = CompletableFuture.supplyAsync(() -> {
                int n = 0;
                while (!stop.get() && n < 2_000) {
                    busy.storage.store().append(pushed("during-" + n++, "p", "P", true, T0)).toCompletableFuture().join();
                }
                return n;
            });
            // newest first: the pages walk back from the newest event at the start; later arrivals do not shift them
            List<Long> descending = new ArrayList<>();
            EventPage page = busy.page(EventFilter.ALL, PageRequest.newest(7));
            long newestAtStart = page.events().get(0).seq();
            descending.addAll(seqs(page));
            while (page.more()) {
                page = busy.page(EventFilter.ALL, new PageRequest(PageRequest.Order.DESCENDING, page.resume(), 7));
                descending.addAll(seqs(page));
            }
            // oldest first: the pages reach the newest events and then follow the arrivals
            List<Long> ascending = new ArrayList<>();
            page = busy.page(EventFilter.ALL, PageRequest.after(0, 9));
            ascending.addAll(seqs(page));
            for (int i = 0; i < 40 && page.more(); i++) {
                page = busy.page(EventFilter.ALL, PageRequest.after(page.resume(), 9));
                ascending.addAll(seqs(page));
            }
            stop.set(true);
            arriving.get(60, TimeUnit.SECONDS);

            assertThat(descending).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
            assertThat(descending).first().isEqualTo(newestAtStart);
            assertThat(descending).hasSize((int) newestAtStart);
            assertThat(ascending).doesNotHaveDuplicates().isSorted();
            assertThat(ascending).containsExactlyElementsOf(
                    busy.all(EventFilter.ALL).stream().map(StoredEvent::seq).limit(ascending.size()).toList());
        }
    }

    @Test
    void anAscendingPageThatReachedTheEndResumesAfterTheNewestEventEvenWhenNoneMatched() throws Exception {
        EventPage none = store.page(filter().personId("nobody").build(), PageRequest.after(0, 10));
        assertThat(none.events()).isEmpty();
        assertThat(none.more()).isFalse();
        assertThat(none.resume()).isEqualTo(5L);
    }

    @Test
    void oneEventComesWithItsPayload() throws Exception {
        StoredEvent first = store.event(1);
        assertThat(first.payload().at("/data/uuid").asText()).isEqualTo("wang-in");
        assertThat(store.storage.reader().event(999).toCompletableFuture().get()).isEmpty();
    }

    private List<String> keys(EventFilter filter) throws Exception {
        List<String> keys = new ArrayList<>();
        for (StoredEvent event : store.all(filter)) {
            String key = event.dedupeKey();
            keys.add(key.contains("/auth-") ? "auth" : key.contains("/alarm/") ? "SPX-1"
                    : key.substring(key.lastIndexOf('/') + 1));
        }
        return keys;
    }

    private static List<Long> seqs(EventPage page) {
        return page.events().stream().map(StoredEvent::seq).toList();
    }

    private static FilterBuilder filter() {
        return new FilterBuilder();
    }

    /** Builds a filter field by field, so each assertion reads as the question it asks. */
    static final class FilterBuilder {
        private Instant from;
        private Instant until;
        private String device;
        private String serial;
        private String personId;
        private String personName;
        private EventType type;
        private EventKind kind;
        private Channel channel;
        private Boolean passed;
        private Boolean late;
        private Integer code;
        private Integer status;

        FilterBuilder from(Instant v) { from = v; return this; }
        FilterBuilder until(Instant v) { until = v; return this; }
        FilterBuilder device(String v) { device = v; return this; }
        FilterBuilder serial(String v) { serial = v; return this; }
        FilterBuilder personId(String v) { personId = v; return this; }
        FilterBuilder personName(String v) { personName = v; return this; }
        FilterBuilder type(EventType v) { type = v; return this; }
        FilterBuilder kind(EventKind v) { kind = v; return this; }
        FilterBuilder channel(Channel v) { channel = v; return this; }
        FilterBuilder passed(boolean v) { passed = v; return this; }
        FilterBuilder late(boolean v) { late = v; return this; }
        FilterBuilder alarmCode(int v) { code = v; return this; }
        FilterBuilder alarmStatus(int v) { status = v; return this; }

        EventFilter build() {
            return new EventFilter(from, until, device, serial, personId, personName, type, kind, channel, passed,
                    late, code, status);
        }
    }
}
