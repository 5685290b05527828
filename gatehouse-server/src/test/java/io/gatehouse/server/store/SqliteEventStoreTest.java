package io.gatehouse.server.store;

import static io.gatehouse.server.DevicePayloads.SERIAL;
import static io.gatehouse.server.DevicePayloads.ingested;
import static io.gatehouse.server.DevicePayloads.jpeg;
import static io.gatehouse.server.DevicePayloads.pushed;
import static io.gatehouse.server.DevicePayloads.recognition;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.core.store.AppendResult;
import io.gatehouse.core.store.Channel;
import io.gatehouse.core.store.EventFilter;
import io.gatehouse.core.store.Ingested;
import io.gatehouse.core.store.StoredEvent;
import io.gatehouse.core.store.StoredImage;
import io.gatehouse.server.DevicePayloads;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteEventStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-01T08:00:00Z");

    @TempDir
    Path data;

    @Test
    void aCommittedEventAndItsImageSurviveARestart() throws Exception {
        byte[] snapshot = jpeg(30_000, 1);
        Ingested push = ingested(recognition(SERIAL, "u-1", "5", "王五", true, T0, snapshot), SERIAL,
                Channel.RECORD_PUSH, T0.plusSeconds(1));
        long seq;
        try (StoreFixture store = new StoreFixture(data)) {
            AppendResult result = store.append(push);
            assertThat(result.duplicate()).isFalse();
            seq = result.seq();
        }
        try (StoreFixture reopened = new StoreFixture(data)) {
            StoredEvent stored = reopened.event(seq);
            assertThat(stored.dedupeKey()).isEqualTo("sense/" + SERIAL + "/u-1");
            assertThat(stored.view().at("/person/name").asText()).isEqualTo("王五");
            String sha256 = stored.view().at("/images/0/sha256").asText();
            StoredImage image = reopened.storage.reader().image(sha256).toCompletableFuture().get().orElseThrow();
            assertThat(image.mediaType()).isEqualTo("image/jpeg");
            assertThat(image.bytes()).isEqualTo(snapshot);
            assertThat(reopened.append(push)).isEqualTo(new AppendResult(seq, true, null));
        }
    }

    @Test
    void theStoredPayloadKeepsEveryFieldButReferencesItsImagesInsteadOfHoldingThem() throws Exception {
        byte[] snapshot = jpeg(5_000, 2);
        byte[] extra = jpeg(3_000, 3);
        ObjectNode payload = recognition(SERIAL, "u-2", "5", "王五", true, T0, snapshot);
        // a field a newer firmware might add: its image is kept too, but not in the row
        ((ObjectNode) payload.get("data")).put("panorama_image", Base64.getEncoder().encodeToString(extra));
        try (StoreFixture store = new StoreFixture(data)) {
            long seq = store.append(ingested(payload, SERIAL, Channel.RECORD_PUSH, T0)).seq();

            StoredEvent stored = store.event(seq);
            String face = DevicePayloads.sha256(snapshot);
            String panorama = DevicePayloads.sha256(extra);
            assertThat(stored.payload().at("/data/rgb_image").asText()).isEqualTo("blob:sha256:" + face);
            assertThat(stored.payload().at("/data/panorama_image").asText()).isEqualTo("blob:sha256:" + panorama);
            assertThat(stored.payload().at("/data/uuid").asText()).isEqualTo("u-2");
            assertThat(stored.payload().toString()).doesNotContain(Base64.getEncoder().encodeToString(snapshot).substring(0, 40));
            assertThat(store.image(extra)).isEqualTo(extra);
        }
    }

    @Test
    void aBatchsImagesGoToASegmentWhenTheyWeighEnoughAndALightOneIntoTheDatabase() throws Exception {
        byte[] heavy = jpeg(20_000, 5);
        byte[] light = jpeg(5_000, 6);
        try (StoreFixture store = new StoreFixture(data, StoreSettings.DEFAULTS, RetentionSettings.DEFAULTS,
                new ImageLog.Sizes(1 << 20, 10_000))) {
            store.append(ingested(recognition(SERIAL, "heavy", "5", "王五", true, T0, heavy), SERIAL,
                    Channel.RECORD_PUSH, T0));
            store.append(ingested(recognition(SERIAL, "light", "5", "王五", true, T0.plusSeconds(1), light), SERIAL,
                    Channel.RECORD_PUSH, T0.plusSeconds(1)));

            assertThat(data.resolve("images").resolve("000000000001.images")).hasSize(20_000);
            assertThat(store.count("SELECT count(*) FROM images WHERE log_segment = 1 AND log_offset = 0"
                    + " AND sha256 = unhex('" + DevicePayloads.sha256(heavy) + "')")).isEqualTo(1);
            assertThat(store.count("SELECT count(*) FROM image_bytes b JOIN images i ON i.id = b.id"
                    + " WHERE i.sha256 = unhex('" + DevicePayloads.sha256(light) + "')")).isEqualTo(1);
            assertThat(store.image(heavy)).isEqualTo(heavy);
            assertThat(store.image(light)).isEqualTo(light);
            assertThat(store.metrics.get("gatehouse.blobs.written").counter().count()).isEqualTo(2);
            assertThat(store.metrics.get("gatehouse.blobs.written.segments").counter().count()).isEqualTo(1);
        }
    }

    @Test
    void theSamePhotoWithManyEventsIsStoredOnce() throws Exception {
        byte[] registered = jpeg(20_000, 4);
        try (StoreFixture store = new StoreFixture(data)) {
            for (int i = 0; i < 20; i++) {
                store.append(ingested(recognition(SERIAL, "same-photo-" + i, "5", "王五", true, T0.plusSeconds(i),
                        registered), SERIAL, Channel.RECORD_PUSH, T0.plusSeconds(i)));
            }
            assertThat(store.count("SELECT count(*) FROM images")).isEqualTo(1);
            assertThat(data.resolve("blobs")).as("the folder of hubs before image segments").doesNotExist();
            assertThat(store.metrics.get("gatehouse.blobs.bytes").gauge().value()).isEqualTo(20_000);
            assertThat(store.metrics.get("gatehouse.blobs.deduplicated").counter().count()).isEqualTo(19);
        }
    }

    @Test
    void concurrentAppendsOfOneEventStoreItOnceAndAllGetItsSeq() throws Exception {
        Ingested push = pushed("twice-or-more", "5", "王五", true, T0);
        try (StoreFixture store = new StoreFixture(data)) {
            List<CompletableFuture<AppendResult>> results = new ArrayList<>();
            ExecutorService threads = Executors.newFixedThreadPool(8);
            List<Future<CompletableFuture<AppendResult>>> submitted = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                submitted.add(threads.submit(() -> store.storage.store().append(push).toCompletableFuture()));
            }
            for (Future<CompletableFuture<AppendResult>> f : submitted) {
                results.add(f.get());
            }
            threads.shutdown();
            Set<Long> seqs = new HashSet<>();
            int originals = 0;
            for (CompletableFuture<AppendResult> result : results) {
                AppendResult r = result.get(30, TimeUnit.SECONDS);
                seqs.add(r.seq());
                originals += r.duplicate() ? 0 : 1;
            }
            assertThat(originals).isEqualTo(1);
            assertThat(seqs).hasSize(1);
            assertThat(store.all(EventFilter.ALL)).hasSize(1);
        }
    }

    @Test
    void manyConcurrentAppendersShareCommitsAndEachGetsItsOwnSeq() throws Exception {
        int appenders = 16;
        int each = 100;
        try (StoreFixture store = new StoreFixture(data)) {
            ExecutorService threads = Executors.newFixedThreadPool(appenders);
            List<Future<List<AppendResult>>> work = new ArrayList<>();
            for (int t = 0; t < appenders; t++) {
                int thread = t;
                work.add(threads.submit(() -> {
                    List<CompletableFuture<AppendResult>> mine = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        mine.add(store.storage.store().append(pushed("t" + thread + "-" + i, "p" + thread, "P" + thread,
                                true, T0.plusSeconds(i))).toCompletableFuture());
                    }
                    List<AppendResult> done = new ArrayList<>();
                    for (CompletableFuture<AppendResult> f : mine) {
                        done.add(f.get(60, TimeUnit.SECONDS));
                    }
                    return done;
                }));
            }
            Set<Long> seqs = new HashSet<>();
            for (Future<List<AppendResult>> f : work) {
                for (AppendResult r : f.get()) {
                    assertThat(r.duplicate()).isFalse();
                    seqs.add(r.seq());
                }
            }
            threads.shutdown();
            assertThat(seqs).hasSize(appenders * each);
            List<StoredEvent> stored = store.all(EventFilter.ALL);
            assertThat(stored).extracting(StoredEvent::seq).containsExactlyElementsOf(seqs.stream().sorted().toList());
            // group commit: fewer commits than events
            assertThat(store.metrics.get("gatehouse.store.batch.size").summary().count()).isLessThan(appenders * each);
            assertThat(store.metrics.get("gatehouse.store.batch.size").summary().max()).isGreaterThan(1);
        }
    }

    @Test
    void aDoorsRequestRecordWaitsForCompanyUntilARecordSomeoneAwaitsArrives() throws Exception {
        StoreSettings patient = StoreSettings.DEFAULTS.withRequestRecordWait(Duration.ofMinutes(10));
        try (StoreFixture store = new StoreFixture(data, patient, RetentionSettings.DEFAULTS)) {
            List<CompletableFuture<AppendResult>> asked = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                asked.add(store.storage.store().append(requestRecord("ask-" + i, 500, i)).toCompletableFuture());
            }
            Thread.sleep(300); // time enough for a commit, were the writer not waiting for more
            assertThat(asked).noneMatch(CompletableFuture::isDone);

            AppendResult push = store.append(pushed("pushed", "5", "王五", true, T0));

            for (CompletableFuture<AppendResult> request : asked) {
                assertThat(request.get(30, TimeUnit.SECONDS).seq()).isLessThan(push.seq());
            }
            assertThat(store.metrics.get("gatehouse.store.batch.size").summary().count()).isEqualTo(1);
            assertThat(store.metrics.get("gatehouse.store.batch.size").summary().max()).isEqualTo(4);
        }
    }

    @Test
    void aChoreOrAFullBatchEndsTheRequestRecordsWait() throws Exception {
        StoreSettings patient = new StoreSettings(1_000, 0, 3, 1, Duration.ofMinutes(1), Duration.ofMinutes(10));
        try (StoreFixture store = new StoreFixture(data, patient, RetentionSettings.DEFAULTS)) {
            CompletableFuture<AppendResult> first =
                    store.storage.store().append(requestRecord("ask-0", 500, 0)).toCompletableFuture();
            Thread.sleep(300); // the writer took it and waits for company
            assertThat(first).isNotDone();
            assertThat(store.storage.writer().call(c -> "done").get(30, TimeUnit.SECONDS)).isEqualTo("done");
            assertThat(first.get(30, TimeUnit.SECONDS).duplicate()).isFalse();

            List<CompletableFuture<AppendResult>> full = new ArrayList<>();
            for (int i = 1; i <= 3; i++) { // a batch holds three
                full.add(store.storage.store().append(requestRecord("ask-" + i, 500, i)).toCompletableFuture());
            }
            for (CompletableFuture<AppendResult> request : full) {
                assertThat(request.get(30, TimeUnit.SECONDS).duplicate()).isFalse();
            }
        }
    }

    @Test
    void aWaitingRequestRecordIsCommittedWhenTheStoreCloses() throws Exception {
        StoreSettings patient = StoreSettings.DEFAULTS.withRequestRecordWait(Duration.ofMinutes(10));
        CompletableFuture<AppendResult> asked;
        try (StoreFixture store = new StoreFixture(data, patient, RetentionSettings.DEFAULTS)) {
            asked = store.storage.store().append(requestRecord("ask", 500, 1)).toCompletableFuture();
        }
        long seq = asked.get(30, TimeUnit.SECONDS).seq();
        try (StoreFixture reopened = new StoreFixture(data)) {
            assertThat(reopened.event(seq).dedupeKey()).isEqualTo("sense/" + SERIAL + "/ask");
        }
    }

    @Test
    void aReplayedEventKeepsItsTimeAndIsMarkedLateWithItsDelay() throws Exception {
        Instant happened = T0;
        Instant replayed = T0.plus(Duration.ofHours(3));
        try (StoreFixture store = new StoreFixture(data)) {
            AppendResult late = store.append(ingested(recognition(SERIAL, "cached", "5", "王五", true, happened,
                    jpeg(1_000, 5)), SERIAL, Channel.RECORD_PUSH, replayed));
            AppendResult timely = store.append(ingested(recognition(SERIAL, "live", "5", "王五", true, happened,
                    jpeg(1_000, 6)), SERIAL, Channel.RECORD_PUSH, happened.plusSeconds(59)));

            assertThat(late.lateBy()).isEqualTo(Duration.ofHours(3));
            assertThat(timely.lateBy()).isNull();
            StoredEvent stored = store.event(late.seq());
            assertThat(stored.occurredAt()).isEqualTo(happened);
            assertThat(stored.receivedAt()).isEqualTo(replayed);
            assertThat(stored.lateBy()).isEqualTo(Duration.ofHours(3));
            assertThat(store.metrics.get("gatehouse.events.late").counter().count()).isEqualTo(1);
        }
    }

    @Test
    void alarmsAreStoredBesideAccessEventsWithTheirCodeAndPhoto() throws Exception {
        byte[] photo = jpeg(4_000, 7);
        try (StoreFixture store = new StoreFixture(data)) {
            long seq = store.append(ingested(DevicePayloads.alarm("SPX-1", 10001, 1, T0, photo), SERIAL,
                    Channel.RECORD_PUSH, T0)).seq();
            StoredEvent alarm = store.event(seq);
            assertThat(alarm.type()).isEqualTo(io.gatehouse.core.store.EventType.ALARM);
            assertThat(alarm.view().at("/code/name").asText()).isEqualTo("TAMPER");
            assertThat(alarm.view().at("/images/0/sha256").asText()).isEqualTo(DevicePayloads.sha256(photo));
        }
    }

    @Test
    void aFullQueueRefusesAtOnceAndTakesEventsAgainWhenTheWriterCatchesUp() throws Exception {
        StoreSettings small = new StoreSettings(4, 500, 1, Duration.ofMinutes(1));
        try (StoreFixture store = new StoreFixture(data, small, RetentionSettings.DEFAULTS)) {
            CompletableFuture<Void> release = new CompletableFuture<>();
            CompletableFuture<Object> blocked = store.busyWriter(release);
            List<CompletableFuture<AppendResult>> accepted = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                accepted.add(store.storage.store().append(pushed("q" + i, "5", "王五", true, T0)).toCompletableFuture());
            }
            CompletableFuture<AppendResult> refused =
                    store.storage.store().append(pushed("q-over", "5", "王五", true, T0)).toCompletableFuture();

            assertThat(refused).isCompletedExceptionally();
            assertThat(refused.handle((r, e) -> e).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(io.gatehouse.core.store.StoreFullException.class);
            release.complete(null);
            blocked.get(10, TimeUnit.SECONDS);
            for (CompletableFuture<AppendResult> f : accepted) {
                assertThat(f.get(10, TimeUnit.SECONDS).duplicate()).isFalse();
            }
            assertThat(store.append(pushed("q-after", "5", "王五", true, T0)).duplicate()).isFalse();
        }
    }

    @Test
    void theQueueIsBoundedInBytesAndAnAuthorizationRequestsRecordYieldsFirst() throws Exception {
        // each pushed event carries a 2,000-byte image, about 8 KB as the budget counts it: room for four
        StoreSettings small = new StoreSettings(1_000, 35_000, 500, 1, Duration.ofMinutes(1));
        try (StoreFixture store = new StoreFixture(data, small, RetentionSettings.DEFAULTS)) {
            CompletableFuture<Void> release = new CompletableFuture<>();
            CompletableFuture<Object> blocked = store.busyWriter(release);
            List<CompletableFuture<AppendResult>> accepted = new ArrayList<>();
            List<CompletableFuture<AppendResult>> refused = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Ingested asked = requestRecord("a" + i, 2_000, i);
                (i < 2 ? accepted : refused).add(store.storage.store().append(asked).toCompletableFuture());
            }
            for (int i = 0; i < 3; i++) {
                (i < 2 ? accepted : refused).add(store.storage.store()
                        .append(pushed("b" + i, "5", "王五", true, T0)).toCompletableFuture());
            }

            assertThat(refused).as("the third request's record (half the budget), the fifth event (all of it)")
                    .allSatisfy(f -> assertThat(f.handle((r, e) -> e).get(10, TimeUnit.SECONDS))
                            .isInstanceOf(io.gatehouse.core.store.StoreFullException.class));
            assertThat(accepted).noneMatch(CompletableFuture::isDone);
            release.complete(null);
            blocked.get(10, TimeUnit.SECONDS);
            for (CompletableFuture<AppendResult> f : accepted) {
                assertThat(f.get(10, TimeUnit.SECONDS).duplicate()).isFalse();
            }
            assertThat(store.append(pushed("b-after", "5", "王五", true, T0)).duplicate()).isFalse();
        }
    }

    /** The stored record of a door's remote-authorization request, with a face snapshot of {@code imageBytes}. */
    private static Ingested requestRecord(String uuid, int imageBytes, int seed) {
        return ingested(recognition(SERIAL, uuid, "5", "王五", true, T0, jpeg(imageBytes, seed)), SERIAL,
                Channel.REMOTE_AUTH, T0);
    }
}
