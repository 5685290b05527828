package io.gatehouse.server.device;

import io.gatehouse.core.store.Channel;
import io.gatehouse.server.ingest.IngestPipeline;
import io.gatehouse.server.ingest.Ingestion;
import io.gatehouse.server.ingest.Rejection;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * What one device's connector receives on its WebSockets, on its way into the {@link IngestPipeline}. A pushing
 * terminal keeps a record the hub could not take and sends it again; a WebSocket sends once. So the intake takes
 * each message at once and stores it at the pipeline's pace: at most {@code window} appends of the device in flight
 * (the rest of the pipeline's per-device allowance stays with the device's receivers), and a message the store
 * could not take yet (full, failing, the device at its limit) is tried again after a pause instead of being lost.
 * What waits is bounded in bytes, per device and for all devices together ({@link IntakeBudget}); beyond that,
 * messages are refused as {@code overloaded} and counted, so that a flooding device, or a fleet that sends more than
 * the store commits, costs messages, never the hub's memory.
 *
 * <p>Lives on the connector's event loop, where its messages arrive (so decoding is spread over the loops like the
 * connectors are); its state is touched only there, so it needs no locks. It goes on storing what it holds after
 * the connector stopped: a stopped connector's loop still runs tasks and timers.
 */
final class StreamIntake {
    private record Message(Channel channel, byte[] bytes, Instant receivedAt) {
    }

    private final String deviceId;
    private final DeviceRegistry registry;
    private final IngestPipeline pipeline;
    private final int window;
    private final long maxQueuedBytes;
    private final long retryMillis;
    private final IntakeBudget budget;
    private final ArrayDeque<Message> queue = new ArrayDeque<>();
    private final List<Promise<Void>> drainWaiters = new ArrayList<>();
    private volatile Context context;
    private long queuedBytes;
    private int inFlight;
    private boolean pausing;

    StreamIntake(String deviceId, DeviceRegistry registry, IngestPipeline pipeline, int window, long maxQueuedBytes,
                 IntakeBudget budget, Duration retryPause) {
        this.budget = budget;
        this.deviceId = deviceId;
        this.registry = registry;
        this.pipeline = pipeline;
        this.window = window;
        this.maxQueuedBytes = maxQueuedBytes;
        this.retryMillis = Math.max(1, retryPause.toMillis());
    }

    /** One whole message from the device, received now; on the connector's event loop. */
    void offer(Channel channel, Buffer payload) {
        if (context == null) {
            context = Vertx.currentContext();
        }
        DeviceRegistry.Entry entry = registry.get(deviceId).orElse(null);
        if (entry == null) {
            return; // removed while the message was on its way
        }
        byte[] bytes = payload.getBytes();
        String full = queuedBytes + bytes.length > maxQueuedBytes
                ? "the hub already holds " + queuedBytes + " bytes of this device's stream not yet stored"
                : !budget.tryTake(bytes.length)
                ? "the hub already holds " + budget.used() + " bytes of its devices' streams not yet stored (at most "
                        + budget.limit() + ")"
                : null;
        if (full != null) {
            pipeline.refuse(DeviceRegistry.source(entry, entry.device().spec().host()), channel, new Rejection(503,
                    "overloaded", "", full + "; the message was dropped", true), null);
            return;
        }
        queue.add(new Message(channel, bytes, Instant.now()));
        queuedBytes += bytes.length;
        drain();
    }

    /** Completes once everything offered so far is stored or refused; from any thread. */
    Future<Void> drained() {
        Context loop = context;
        if (loop == null) {
            return Future.succeededFuture(); // nothing was ever offered
        }
        Promise<Void> done = Promise.promise();
        loop.runOnContext(v -> {
            if (idle()) {
                done.complete();
            } else {
                drainWaiters.add(done);
            }
        });
        return done.future();
    }

    private void drain() {
        while (!pausing && inFlight < window && !queue.isEmpty()) {
            Message next = queue.poll();
            queuedBytes -= next.bytes().length;
            budget.give(next.bytes().length);
            DeviceRegistry.Entry entry = registry.get(deviceId).orElse(null);
            if (entry == null) {
                continue;
            }
            inFlight++;
            // the source is looked up for each message: a serial learned meanwhile applies to the next one
            pipeline.ingest(DeviceRegistry.source(entry, entry.device().spec().host()), next.channel(), next.bytes(),
                    next.receivedAt(), context).onComplete(done -> stored(next, done));
        }
        if (idle()) {
            drainWaiters.forEach(Promise::tryComplete);
            drainWaiters.clear();
        }
    }

    private void stored(Message message, AsyncResult<Ingestion> done) {
        inFlight--;
        if (done.failed() && done.cause() instanceof Rejection.Refused refused && refused.rejection().retryable()) {
            queue.addFirst(message); // the pipeline counted the refusal; the message waits for the store
            queuedBytes += message.bytes().length;
            budget.take(message.bytes().length);
            if (!pausing) {
                pausing = true;
                context.owner().setTimer(retryMillis, id -> {
                    pausing = false;
                    drain();
                });
            }
        }
        drain();
    }

    private boolean idle() {
        return queue.isEmpty() && inFlight == 0;
    }
}
