package io.gatehouse.server.api;

import static io.gatehouse.server.DevicePayloads.pushed;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.TestHub;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live stream as an integrator's dashboard uses it: connect, lose the connection, resume. */
class EventStreamTest {
    private static final Instant T0 = Instant.parse("2026-01-01T08:00:00Z");
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path data;

    @Test
    void aClientThatReconnectsWithLastEventIdGetsEveryEventOnceInOrderWhileEventsKeepArriving() throws Exception {
        try (TestHub hub = new TestHub(data)) {
            for (int i = 0; i < 10; i++) {
                hub.append(pushed("early-" + i, "5", "王五", true, T0.plusSeconds(i)));
            }
            int arriving = 300;
            CompletableFuture<Void> door = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < arriving; i++) {
                    hub.hub.events().append(pushed("live-" + i, "5", "王五", true, T0.plusSeconds(100 + i)))
                            .toCompletableFuture().join();
                }
            });
            List<SseClient.Message> first = SseClient.read(hub, "/api/events/stream?after=0", Map.of(), 60, BOUND);
            long lastSeen = first.get(first.size() - 1).id();
            List<SseClient.Message> resumed = SseClient.read(hub, "/api/events/stream",
                    Map.of("Last-Event-ID", String.valueOf(lastSeen)), 10 + arriving - first.size(), BOUND);
            door.get(BOUND.toSeconds(), TimeUnit.SECONDS);

            List<Long> ids = new ArrayList<>();
            first.forEach(m -> ids.add(m.id()));
            resumed.forEach(m -> ids.add(m.id()));
            assertThat(ids).containsExactlyElementsOf(LongStream.rangeClosed(1, 10 + arriving).boxed().toList());
            for (SseClient.Message m : resumed) {
                assertThat(m.data().path("seq").asLong()).isEqualTo(m.id());
                assertThat(m.event()).isEqualTo("access");
            }
        }
    }

    @Test
    void theStreamCarriesOnlyWhatItsFilterAsksFor() throws Exception {
        try (TestHub hub = new TestHub(data)) {
            CompletableFuture<Void> door = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 40; i++) {
                    String person = i % 4 == 0 ? "wanted" : "other";
                    hub.hub.events().append(pushed("f-" + i, person, person, i % 8 != 0, T0.plusSeconds(i)))
                            .toCompletableFuture().join();
                }
            });
            List<SseClient.Message> wanted = SseClient.read(hub, "/api/events/stream?after=0&personId=wanted&passed=true",
                    Map.of(), 5, BOUND);
            door.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            assertThat(wanted).extracting(m -> m.data().at("/person/id").asText()).containsOnly("wanted");
            assertThat(wanted).extracting(m -> m.data().at("/outcome/passed").asBoolean()).containsOnly(true);
            assertThat(wanted).extracting(SseClient.Message::id).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void withoutAResumePointTheStreamStartsWithWhatIsCommittedNext() throws Exception {
        try (TestHub hub = new TestHub(data)) {
            for (int i = 0; i < 5; i++) {
                hub.append(pushed("old-" + i, "5", "王五", true, T0.plusSeconds(i)));
            }
            CompletableFuture<List<SseClient.Message>> watching = CompletableFuture.supplyAsync(() -> {
                try {
                    return SseClient.read(hub, "/api/events/stream", Map.of(), 1, BOUND);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // keep committing until the watcher has seen one: whenever it connected, what it sees is new
            int n = 0;
            while (!watching.isDone() && n < 500) {
                hub.append(pushed("new-" + n++, "5", "王五", true, T0.plusSeconds(100 + n)));
                Thread.sleep(20);
            }
            SseClient.Message firstSeen = watching.get(BOUND.toSeconds(), TimeUnit.SECONDS).get(0);
            assertThat(firstSeen.id()).isGreaterThan(5);
            assertThat(firstSeen.data().path("dedupeKey").asText()).contains("/new-");
        }
    }
}
