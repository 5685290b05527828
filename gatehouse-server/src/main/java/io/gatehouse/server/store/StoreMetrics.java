package io.gatehouse.server.store;

import io.gatehouse.core.store.Channel;
import io.gatehouse.core.store.EventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/** The store's meters, named {@code gatehouse.events.*}, {@code gatehouse.store.*} and {@code gatehouse.blobs.*}. */
final class StoreMetrics {
    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();
    final Timer commit;
    final DistributionSummary batchSize;
    final Counter rejected;
    final Counter failedCommits;
    final Counter blobsWritten;
    final Counter blobBytesWritten;
    /** New images whose bytes went to a segment file, not into the database (a light batch keeps them there). */
    final Counter blobsToSegments;
    final Counter blobsReused;

    StoreMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.commit = Timer.builder("gatehouse.store.commit")
                .description("Time to commit one batch of events durably, images included (one SQLite commit)")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        this.batchSize = DistributionSummary.builder("gatehouse.store.batch.size")
                .description("Events per commit (group commit)")
                .baseUnit("events")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        this.rejected = Counter.builder("gatehouse.store.rejected")
                .description("Appends refused at once because the store's queue was full").register(registry);
        this.failedCommits = Counter.builder("gatehouse.store.commit.failures")
                .description("Batches whose commit failed; their appenders were told to retry").register(registry);
        this.blobsWritten = Counter.builder("gatehouse.blobs.written")
                .description("Images new to the store, committed with their events").register(registry);
        this.blobsToSegments = Counter.builder("gatehouse.blobs.written.segments")
                .description("Of the new images, those whose bytes went to a segment file under DATA/images")
                .register(registry);
        this.blobBytesWritten = Counter.builder("gatehouse.blobs.written.bytes")
                .description("Bytes of the images new to the store").baseUnit("bytes").register(registry);
        this.blobsReused = Counter.builder("gatehouse.blobs.deduplicated")
                .description("Images that were already stored (same SHA-256): only referenced").register(registry);
    }

    /** Where the store registers its meters (its checkpointer registers there too). */
    MeterRegistry registry() {
        return registry;
    }

    <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
        Gauge.builder(name, source, value).description(description).register(registry);
    }

    void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    void stored(String deviceId, Channel channel, EventType type) {
        counter("gatehouse.events.stored", "Events stored, by device, channel and type",
                "device", deviceId, "channel", channel.name(), "type", type.label()).increment();
    }

    void duplicate(String deviceId, Channel channel) {
        counter("gatehouse.events.duplicates", "Appends of an event already stored (same dedupe key)",
                "device", deviceId, "channel", channel.name()).increment();
    }

    void late(String deviceId, Channel channel) {
        counter("gatehouse.events.late", "Events stored late (received beyond the late threshold after they happened)",
                "device", deviceId, "channel", channel.name()).increment();
    }

    void retentionDeleted(String what, String reason, long count) {
        counter("gatehouse.retention.deleted", "Events and images deleted by retention",
                "what", what, "reason", reason).increment(count);
    }

    private Counter counter(String name, String description, String... tags) {
        String key = name + String.join("\u0000", tags);
        return counters.computeIfAbsent(key, k -> Counter.builder(name).description(description).tags(tags).register(registry));
    }
}
