package io.gatehouse.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.core.event.AccessEvent;
import io.gatehouse.core.event.EventImage;
import io.gatehouse.core.event.EventKind;
import io.gatehouse.core.event.EventSource;
import io.gatehouse.core.event.ImageKind;
import io.gatehouse.core.event.Outcome;
import io.gatehouse.core.event.Person;
import io.gatehouse.core.event.PersonType;
import io.gatehouse.core.event.Scores;
import io.gatehouse.core.store.AppendResult;
import io.gatehouse.core.store.Channel;
import io.gatehouse.core.store.Ingested;
import io.gatehouse.protocol.Dialect;
import io.gatehouse.protocol.Family;
import io.gatehouse.protocol.MessageKind;
import io.gatehouse.server.db.Database;
import io.gatehouse.server.store.EventStorage;
import io.gatehouse.server.store.RetentionSettings;
import io.gatehouse.server.store.StoreSettings;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Measures the event store's writer: durable events per second for events each carrying its own face snapshot
 * (a new image per event), with the batch sizes and commit latencies group commit produced, and the latency
 * an appender sees from append to durable acknowledgement. Not a unit test: run it on the machine you report.
 *
 * <pre>
 * ./mvnw -q -B -pl gatehouse-bench -am package -DskipTests
 * java -Xmx6g -cp gatehouse-bench/target/gatehouse-bench.jar io.gatehouse.bench.StoreWriterBench \
 *      [events=20000] [imageBytes=30000] [inFlight=1024] [dataDir=a fresh temporary directory]
 * </pre>
 *
 * Events are built before the clock starts (image bytes, SHA-256 and the base64 payload a terminal would send),
 * so the number is the store's: preparing rows, committing them with their images.
 */
public final class StoreWriterBench {
    private StoreWriterBench() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int imageBytes = args.length > 1 ? Integer.parseInt(args[1]) : 30_000;
        int inFlight = args.length > 2 ? Integer.parseInt(args[2]) : 1_024;
        Path data = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("gatehouse-bench");

        System.out.printf("building %d events with %d-byte images...%n", events, imageBytes);
        List<Ingested> batch = build(0, events, imageBytes, new Random(1));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        EventStorage storage = EventStorage.open(Database.open(data), data,
                new StoreSettings(Math.max(inFlight, 10_000), 500, 2, Duration.ofMinutes(1)),
                RetentionSettings.DEFAULTS, registry);

        Histogram ackMicros = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        Semaphore window = new Semaphore(inFlight);
        AtomicLong failures = new AtomicLong();
        List<CompletableFuture<AppendResult>> all = new ArrayList<>(events);
        long start = System.nanoTime();
        for (Ingested event : batch) {
            window.acquire();
            long sent = System.nanoTime();
            all.add(storage.store().append(event).toCompletableFuture().whenComplete((r, e) -> {
                window.release();
                if (e != null) {
                    failures.incrementAndGet();
                } else {
                    synchronized (ackMicros) {
                        ackMicros.recordValue(Math.min((System.nanoTime() - sent) / 1_000, ackMicros.getHighestTrackableValue()));
                    }
                }
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        storage.close();

        Timer commit = registry.get("gatehouse.store.commit").timer();
        DistributionSummary batches = registry.get("gatehouse.store.batch.size").summary();
        System.out.printf("events=%d imageBytes=%d inFlight=%d failures=%d%n", events, imageBytes, inFlight,
                failures.get());
        System.out.printf("throughput: %.0f durable events/s (%.1f s)%n", events / seconds, seconds);
        System.out.printf("commits: %d, batch size mean %.1f max %.0f%n", batches.count(), batches.mean(), batches.max());
        System.out.printf("commit latency (ms): p50 %.2f p99 %.2f max %.2f%n", pct(commit, 0.5), pct(commit, 0.99),
                commit.max(TimeUnit.MILLISECONDS));
        System.out.printf("append-to-ack latency (ms): p50 %.2f p99 %.2f max %.2f%n",
                ackMicros.getValueAtPercentile(50) / 1000.0, ackMicros.getValueAtPercentile(99) / 1000.0,
                ackMicros.getMaxValue() / 1000.0);
        System.out.printf("data directory: %s%n", data);
    }

    private static double pct(Timer timer, double percentile) {
        for (ValueAtPercentile v : timer.takeSnapshot().percentileValues()) {
            if (v.percentile() == percentile) {
                return v.value(TimeUnit.MILLISECONDS);
            }
        }
        return Double.NaN;
    }

    /** A terminal's recognitions, each with a distinct face snapshot, as the normalizer would hand them over. */
    static List<Ingested> build(long first, int count, int imageBytes, Random random) {
        Instant t0 = Instant.parse("2026-01-01T08:00:00Z");
        Dialect dialect = new Dialect(Family.SENSE_PASS, MessageKind.RECOGNITION, "v1.3.0");
        List<Ingested> events = new ArrayList<>(count);
        for (long i = first; i < first + count; i++) {
            byte[] face = new byte[imageBytes];
            random.nextBytes(face);
            face[0] = (byte) 0xFF;
            face[1] = (byte) 0xD8;
            face[2] = (byte) 0xFF;
            String uuid = "bench-" + i;
            ObjectNode payload = JsonNodeFactory.instance.objectNode();
            payload.put("type", 0);
            ObjectNode data = payload.putObject("data");
            data.put("deviceSN", "BENCH-TERMINAL");
            data.put("uuid", uuid);
            data.put("rgb_image", Base64.getEncoder().encodeToString(face));
            data.put("timestamp", t0.getEpochSecond() + i);
            data.put("pass", true);
            AccessEvent event = new AccessEvent(
                    new EventSource(Family.SENSE_PASS, "BENCH-TERMINAL", null, "127.0.1.1", dialect),
                    EventKind.PASSAGE, uuid, t0.plusSeconds(i),
                    new Person("p" + (i % 500), "Person " + (i % 500), PersonType.EMPLOYEE, List.of(), null, null,
                            List.of(), null, null),
                    new Outcome(true, null, null, null, null, null, null), Scores.of(0.93, 1, null), null, null,
                    List.of(new EventImage(ImageKind.FACE_SNAPSHOT, "image/jpeg", face)), payload,
                    "sense/BENCH-TERMINAL/" + uuid);
            events.add(new Ingested(event, "bench-door", Channel.RECORD_PUSH, t0.plusSeconds(i)));
        }
        return events;
    }
}
