package io.gatehouse.server.store;

import static io.gatehouse.server.DevicePayloads.SERIAL;
import static io.gatehouse.server.DevicePayloads.ingested;
import static io.gatehouse.server.DevicePayloads.jpeg;
import static io.gatehouse.server.DevicePayloads.recognition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatehouse.core.store.AppendResult;
import io.gatehouse.core.store.Channel;
import io.gatehouse.core.store.EventFilter;
import io.gatehouse.core.store.Ingested;
import io.gatehouse.core.store.StoredEvent;
import io.gatehouse.server.DevicePayloads;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention forgets old events and their images in small steps while the doors keep reporting. */
class RetentionTest {
    private static final Duration BOUND = Duration.ofSeconds(60);
    /** 50 kB segments, every image in them. */
    private static final ImageLog.Sizes SMALL_SEGMENTS = new ImageLog.Sizes(50_000, 0);

    @TempDir
    Path data;

    @Test
    void eventsOlderThanTheMaximumAgeGoWithTheirImagesWhileNewOnesKeepArriving() throws Exception {
        RetentionSettings thirtyDays = new RetentionSettings(Duration.ofDays(30), 0, Duration.ofMillis(200), 25);
        byte[] registered = jpeg(4_000, 1); // the same registered photo, shown by old and new events
        Instant now = Instant.now();
        try (StoreFixture store = new StoreFixture(data, StoreSettings.DEFAULTS, thirtyDays)) {
            for (int i = 0; i < 200; i++) {
                Instant longAgo = now.minus(Duration.ofDays(40)).plusSeconds(i);
                store.append(event("old-" + i, longAgo, i % 2 == 0 ? registered : jpeg(1_500, 1_000 + i), now));
            }
            AtomicInteger fresh = new AtomicInteger();
            CompletableFuture<Void> door = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 300; i++) {
                    Instant t = Instant.now();
                    AppendResult r = store.storage.store().append(event("new-" + i, t, i % 2 == 0 ? registered
                            : jpeg(1_500, 5_000 + i), t)).toCompletableFuture().join();
                    assertThat(r.duplicate()).isFalse();
                    fresh.incrementAndGet();
                }
            });

            await().atMost(BOUND).until(() -> store.all(new EventFilter(null, now.minus(Duration.ofDays(30)), null,
                    null, null, null, null, null, null, null, null, null, null)).isEmpty());
            door.get(BOUND.toSeconds(), TimeUnit.SECONDS);

            List<StoredEvent> kept = store.all(EventFilter.ALL);
            assertThat(kept).hasSize(300).allSatisfy(e -> assertThat(e.dedupeKey()).contains("/new-"));
            assertThat(stored(store, registered)).isTrue();
            assertThat(stored(store, jpeg(1_500, 1_001))).isFalse();
            assertThat(store.count("SELECT count(*) FROM images")).isEqualTo(1 + 150);
            assertThat(store.metrics.get("gatehouse.retention.deleted").tag("what", "events").tag("reason", "age")
                    .counter().count()).isEqualTo(200);
        }
    }

    @Test
    void theOldestEventsGoWhileDatabaseAndImagesExceedTheMaximumSize() throws Exception {
        long max = 3_000_000;
        RetentionSettings small = new RetentionSettings(Duration.ZERO, max, Duration.ofMillis(200), 20);
        Instant t0 = Instant.now();
        try (StoreFixture store = new StoreFixture(data, StoreSettings.DEFAULTS, small)) {
            for (int i = 0; i < 400; i++) { // 400 distinct 20 kB faces: about 8 MB of images
                Instant t = t0.plusSeconds(i);
                store.append(event("e-" + i, t, jpeg(20_000, i), t));
            }
            await().atMost(BOUND).until(() -> used(store) <= max);

            List<StoredEvent> kept = store.all(EventFilter.ALL);
            assertThat(kept).isNotEmpty().hasSizeLessThan(400);
            // what remains is the newest, without a hole
            assertThat(kept.get(kept.size() - 1).dedupeKey()).endsWith("/e-399");
            assertThat(kept.get(0).seq()).isEqualTo(401 - kept.size());
            assertThat(store.count("SELECT count(*) FROM images")).isEqualTo(kept.size());
            assertThat(store.storage.writer().blobBytes()).isEqualTo(20_000L * kept.size());
        }
    }

    @Test
    void emptiedSegmentsAreDeletedAndAPhotoShownAgainMovesOutOfItsOldSegment() throws Exception {
        RetentionSettings thirtyDays = new RetentionSettings(Duration.ofDays(30), 0, Duration.ofHours(1), 50);
        byte[] registered = jpeg(4_000, 1);
        byte[] newFace = jpeg(10_000, 999);
        Instant now = Instant.now();
        Instant longAgo = now.minus(Duration.ofDays(40));
        try (StoreFixture store = new StoreFixture(data, StoreSettings.DEFAULTS, thirtyDays, SMALL_SEGMENTS)) {
            // one commit each: segment 1 holds the photo and five faces, segments 2 to 4 five faces each
            store.append(event("old-0", longAgo, registered, now));
            for (int i = 1; i <= 20; i++) {
                store.append(event("old-" + i, longAgo.plusSeconds(i), jpeg(10_000, 100 + i), now));
            }
            store.append(event("new-0", now, registered, now)); // keeps the photo, and so segment 1
            store.append(event("new-1", now, newFace, now));
            assertThat(segments()).containsExactly(1L, 2L, 3L, 4L, 5L);

            store.storage.enforceRetention();

            assertThat(segments()).as("2-4 emptied, 1 moved").containsExactly(5L);
            assertThat(store.metrics.get("gatehouse.retention.deleted").tag("what", "segments").counter().count())
                    .isEqualTo(4);
            assertThat(store.metrics.get("gatehouse.blobs.segments.bytes").gauge().value()).isEqualTo(14_000);
            assertThat(store.image(registered)).isEqualTo(registered);
            assertThat(store.image(newFace)).isEqualTo(newFace);
        }
        try (StoreFixture reopened = new StoreFixture(data, StoreSettings.DEFAULTS, thirtyDays, SMALL_SEGMENTS)) {
            assertThat(reopened.image(registered)).as("its new place was committed").isEqualTo(registered);
        }
    }

    @Test
    void aPhotoStaysReadableWhileRetentionMovesItFromSegmentToSegment() throws Exception {
        RetentionSettings thirtyDays = new RetentionSettings(Duration.ofDays(30), 0, Duration.ofHours(1), 50);
        byte[] registered = jpeg(4_000, 1);
        Instant now = Instant.now();
        Instant longAgo = now.minus(Duration.ofDays(40));
        try (StoreFixture store = new StoreFixture(data, StoreSettings.DEFAULTS, thirtyDays,
                new ImageLog.Sizes(30_000, 0))) {
            store.append(event("first", now, registered, now));
            AtomicInteger reads = new AtomicInteger();
            AtomicBoolean done = new AtomicBoolean();
            CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
                while (!done.get()) {
                    try {
                        assertThat(store.image(registered)).isEqualTo(registered);
                    } catch (Exception e) {
                        throw new AssertionError("read " + reads.get() + " failed", e);
                    }
                    reads.incrementAndGet();
                }
            });
            for (int round = 0; round < 20; round++) { // each round the photo's segment fills with faces that then go
                for (int i = 0; i < 3; i++) {
                    int n = round * 3 + i;
                    store.append(event("old-" + n, longAgo.plusSeconds(n), jpeg(10_000, 100 + n), now));
                }
                store.storage.enforceRetention();
                assertThat(reader).isNotDone(); // a failed read ends the reader early
            }
            done.set(true);
            reader.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            assertThat(store.metrics.get("gatehouse.retention.deleted").tag("what", "segments").counter().count())
                    .as("from the second round on, the photo's segment was left sparse, moved from and deleted")
                    .isEqualTo(19);
            assertThat(reads.get()).isPositive();
        }
    }

    private List<Long> segments() throws Exception {
        try (var files = java.nio.file.Files.list(data.resolve("images"))) {
            return files.map(f -> Long.parseLong(f.getFileName().toString().substring(0, 12))).sorted().toList();
        }
    }

    private static long used(StoreFixture store) throws Exception {
        return store.storage.writer().call((Connection c) -> store.storage.retention().usedBytes(c)).get();
    }

    private static Ingested event(String uuid, Instant at, byte[] face, Instant receivedAt) {
        return ingested(recognition(SERIAL, uuid, "5", "王五", true, at, face), SERIAL, Channel.RECORD_PUSH, receivedAt);
    }

    private static boolean stored(StoreFixture store, byte[] image) throws Exception {
        return store.count("SELECT count(*) FROM images WHERE sha256 = unhex('" + DevicePayloads.sha256(image) + "')")
                == 1;
    }
}
