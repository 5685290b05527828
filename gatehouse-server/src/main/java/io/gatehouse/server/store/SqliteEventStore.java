package io.gatehouse.server.store;

import io.gatehouse.core.event.EventImage;
import io.gatehouse.core.store.AppendResult;
import io.gatehouse.core.store.EventStore;
import io.gatehouse.core.store.Ingested;
import io.gatehouse.core.store.StoreFullException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The write side of the SQLite store. An append is admitted only while the events in flight are fewer than
 * {@code queueCapacity} and hold less heap than {@code queueBytes} (otherwise it fails at once with
 * {@link StoreFullException}); a record of a remote-authorization request gets only half of either, because nobody
 * waits for it and no device will send it again, so under load it yields the room to records a device retries. The
 * caller's thread builds its row and strips the images out of its payload (CPU only) and queues it; the
 * {@link EventWriter} commits it, images included, with whatever else is queued; the append completes after that
 * commit.
 */
public final class SqliteEventStore implements EventStore {
    private final StoreSettings settings;
    private final EventWriter writer;
    private final StoreMetrics metrics;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong inFlightBytes = new AtomicLong();
    private final long byteLimit;
    private volatile boolean closed;

    SqliteEventStore(StoreSettings settings, EventWriter writer, StoreMetrics metrics) {
        this.settings = settings;
        this.writer = writer;
        this.metrics = metrics;
        this.byteLimit = settings.queueByteLimit();
        metrics.gauge("gatehouse.store.queue.depth", "Events accepted and not yet committed", inFlight::get);
        metrics.gauge("gatehouse.store.queue.capacity", "Most events in flight before appends are refused",
                settings::queueCapacity);
        metrics.gauge("gatehouse.store.queue.bytes", "Heap the events in flight hold, as the budget counts it",
                inFlightBytes::get);
        metrics.gauge("gatehouse.store.queue.bytes_limit", "Most heap in flight before appends are refused",
                () -> byteLimit);
    }

    @Override
    public CompletionStage<AppendResult> append(Ingested event) {
        if (closed || !writer.alive()) {
            return CompletableFuture.failedFuture(new StoreException("the store is closed", null));
        }
        boolean yields = EventWriter.nobodyWaitsFor(event);
        int countLimit = yields ? Math.max(1, settings.queueCapacity() / 2) : settings.queueCapacity();
        long bytesLimit = yields ? byteLimit / 2 : byteLimit;
        long weight = weight(event);
        long bytes = inFlightBytes.addAndGet(weight);
        // an event larger than the whole budget still goes in when it is alone in the queue, or it never would
        if (inFlight.incrementAndGet() > countLimit || (bytes > bytesLimit && bytes > weight)) {
            inFlight.decrementAndGet();
            inFlightBytes.addAndGet(-weight);
            metrics.rejected.increment();
            return CompletableFuture.failedFuture(new StoreFullException("the store's queue is full ("
                    + settings.queueCapacity() + " events or " + byteLimit + " bytes of heap); retry later"));
        }
        CompletableFuture<AppendResult> result = new CompletableFuture<>();
        result.whenComplete((r, e) -> {
            inFlight.decrementAndGet();
            inFlightBytes.addAndGet(-weight);
        });
        PreparedEvent prepared;
        try {
            prepared = PreparedEvent.of(event, settings.lateThreshold());
        } catch (RuntimeException e) {
            result.completeExceptionally(new StoreException("the event could not be prepared: " + e, e));
            return result;
        }
        writer.submit(new EventWriter.Pending(prepared, result));
        return result;
    }

    /**
     * What an event holds on the heap until it is committed, as far as the budget counts: its images three times
     * (decoded, as base64 text in the payload, and again in the stripped payload and rows built from them: a heap
     * histogram of a full queue showed 60–80 KB per event with a 23 KB snapshot) plus a row's worth of other fields.
     */
    private static long weight(Ingested event) {
        long images = 0;
        for (EventImage image : event.event().images()) {
            images += image.size();
        }
        return 3 * images + 2_048;
    }

    /** Events accepted and not yet committed. */
    public int queueDepth() {
        return inFlight.get();
    }

    public int queueCapacity() {
        return settings.queueCapacity();
    }

    /** Stops taking events, commits those in flight, and stops the writer. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        writer.stop();
    }
}
