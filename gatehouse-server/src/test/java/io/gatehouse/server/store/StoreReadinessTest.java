package io.gatehouse.server.store;

import static io.gatehouse.server.DevicePayloads.pushed;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the store says it is not ready, and why. */
class StoreReadinessTest {
    private static final Instant T0 = Instant.parse("2026-01-01T08:00:00Z");

    @TempDir
    Path data;

    @Test
    void anIdleStoreIsReady() throws Exception {
        try (StoreFixture store = new StoreFixture(data)) {
            assertThat(store.storage.problems().toCompletableFuture().get(10, TimeUnit.SECONDS)).isEmpty();
        }
    }

    @Test
    void aStuckWriterWithAFullQueueIsNotReadyAndTheReasonsSaySo() throws Exception {
        StoreSettings small = new StoreSettings(10, 500, 1, Duration.ofMinutes(1));
        try (StoreFixture store = new StoreFixture(data, small, RetentionSettings.DEFAULTS)) {
            CompletableFuture<Void> release = new CompletableFuture<>();
            CompletableFuture<Object> stuck = store.busyWriter(release);
            List<CompletableFuture<?>> queued = new java.util.ArrayList<>();
            for (int i = 0; i < 9; i++) {
                queued.add(store.storage.store().append(pushed("r-" + i, "5", "王五", true, T0)).toCompletableFuture());
            }
            List<String> problems = store.storage.problems().toCompletableFuture().get(10, TimeUnit.SECONDS);
            release.complete(null);
            stuck.get(10, TimeUnit.SECONDS);
            CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

            assertThat(problems).anySatisfy(p -> assertThat(p).contains("queue is saturated (9 of 10)"));
            assertThat(problems).anySatisfy(p -> assertThat(p).contains("writer did not answer"));
            assertThat(store.storage.problems().toCompletableFuture().get(10, TimeUnit.SECONDS)).isEmpty();
        }
    }
}
