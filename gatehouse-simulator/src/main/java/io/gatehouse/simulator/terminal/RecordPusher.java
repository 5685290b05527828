package io.gatehouse.simulator.terminal;

import io.gatehouse.protocol.MessageKind;
import io.gatehouse.protocol.ProtocolCodec;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.sense.PushAnswer;
import io.gatehouse.protocol.sense.SenseDecoder;
import io.gatehouse.protocol.sense.SenseEvent;
import io.gatehouse.protocol.sense.SubscribeConfig;
import io.gatehouse.simulator.device.Counter;
import io.gatehouse.simulator.device.DeviceCounters;
import io.gatehouse.simulator.device.DeviceTiming;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * Pushes every record to {@code event_dest}, one at a time and in order. A record counts as delivered when the
 * receiver answers HTTP 200 with body code 200; anything else (unreachable, timeout, another status, another
 * code, an unreadable body) leaves it at the head of the {@link OfflineCache}, records produced meanwhile queue
 * behind it, and the terminal retries every {@code retryInterval} until the receiver answers again, then
 * replays the cache oldest first.
 */
final class RecordPusher {
    private final Vertx vertx;
    private final DeviceLink link;
    private final OfflineCache cache;
    private final DeviceCounters counters;
    private final DeviceTiming timing;
    private final BiConsumer<SenseEvent, PushAnswer> liveAnswer;
    private SubscribeConfig subscription;
    private OfflineCache.Pending inFlight;
    private long retryTimer = -1;
    /** a push has failed and none has succeeded since: new records go straight to the cache */
    private boolean offline;
    private volatile int cachedSize;
    private volatile int backlog;

    RecordPusher(Vertx vertx, DeviceLink link, int capacity, DeviceCounters counters, DeviceTiming timing,
                 BiConsumer<SenseEvent, PushAnswer> liveAnswer) {
        this.vertx = vertx;
        this.link = link;
        this.cache = new OfflineCache(capacity);
        this.counters = counters;
        this.timing = timing;
        this.liveAnswer = liveAnswer;
    }

    SubscribeConfig subscription() {
        return subscription;
    }

    void subscribe(SubscribeConfig config) {
        this.subscription = config;
        pump();
    }

    private boolean enabled() {
        return subscription != null && subscription.eventDest() != null && !Boolean.FALSE.equals(subscription.enabled());
    }

    int cachedSize() {
        return cachedSize;
    }

    /** Queues {@code event} for the receiver; nothing is kept while push is not configured. */
    void submit(SenseEvent event) {
        if (!enabled()) {
            return;
        }
        OfflineCache.Pending pending = new OfflineCache.Pending(event);
        if (offline) {
            pending.cached = true;
            counters.increment(Counter.CACHED);
        }
        OfflineCache.Pending dropped = cache.add(pending);
        if (dropped != null) {
            if (!dropped.cached) {
                counters.increment(Counter.CACHED); // it was waiting in the cache, if only briefly
            }
            counters.increment(Counter.DROPPED);
        }
        refreshSize();
        pump();
    }

    private void pump() {
        if (inFlight != null || retryTimer != -1 || cache.isEmpty() || !enabled()) {
            return;
        }
        OfflineCache.Pending pending = cache.head();
        inFlight = pending;
        Buffer body = Buffer.buffer(ProtocolCodec.standard().encode(pending.event));
        link.post(subscription.eventDest(), body, timing.pushTimeout())
                .map(this::acknowledgement)
                .otherwise((PushAnswer) null)
                .onComplete(ar -> settle(pending, ar.result()));
    }

    /** The receiver's answer when it acknowledges the record, otherwise {@code null}. */
    private PushAnswer acknowledgement(DeviceLink.Reply reply) {
        if (reply.status() != 200) {
            return null;
        }
        try {
            PushAnswer answer = (PushAnswer) ProtocolCodec.standard().decode(reply.body().getBytes(),
                    r -> SenseDecoder.read(MessageKind.PUSH_ANSWER, r));
            return answer.accepted() ? answer : null;
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }

    private void settle(OfflineCache.Pending pending, PushAnswer answer) {
        inFlight = null;
        if (answer != null) {
            offline = false;
            cache.removeHead(pending);
            counters.increment(Counter.DELIVERED);
            refreshSize();
            if (!pending.cached) {
                liveAnswer.accept(pending.event, answer);
            }
            pump();
            return;
        }
        offline = true;
        counters.add(Counter.CACHED, cache.cacheAll());
        refreshSize();
        retryTimer = vertx.setTimer(timing.retryInterval().toMillis(), id -> {
            retryTimer = -1;
            pump();
        });
    }

    private void refreshSize() {
        cachedSize = cache.cachedSize();
        backlog = cache.size();
    }

    int backlog() {
        return backlog;
    }

    /** Sends {@code event} cut in half, as a broken firmware might: not JSON, not cached, not retried. */
    Future<Void> sendMalformed(SenseEvent event) {
        if (!enabled()) {
            return Future.failedFuture("push is not configured (POST /v1/event/subscribe first)");
        }
        byte[] whole = ProtocolCodec.standard().encode(event);
        counters.increment(Counter.MALFORMED_SENT);
        return link.post(subscription.eventDest(), Buffer.buffer(Arrays.copyOf(whole, whole.length / 2)),
                timing.pushTimeout()).mapEmpty();
    }

    void stop() {
        if (retryTimer != -1) {
            vertx.cancelTimer(retryTimer);
            retryTimer = -1;
        }
    }
}
