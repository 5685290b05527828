package io.gatehouse.server.forward;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.core.store.EventFilter;
import io.gatehouse.core.store.EventPage;
import io.gatehouse.core.store.EventReader;
import io.gatehouse.core.store.PageRequest;
import io.gatehouse.core.store.StoredEvent;
import io.gatehouse.protocol.json.FieldWriter;
import io.gatehouse.protocol.json.Json;
import io.gatehouse.server.api.EventViews;
import io.gatehouse.server.connect.Backoff;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one target's events through its {@link Sink}, one at a time so that the target sees them in store order.
 * Follows the store like the live stream: reads the matching events after its cursor page by page, and reads again on
 * each commit signal. A failed delivery (no connection, timeout, any answer but 2xx) is retried, the same event, after
 * the connectors' {@link Backoff} (its ceiling doubling up to {@link ForwardSettings#maxBackoff()}, with jitter);
 * nothing after it is sent meanwhile. The cursor moves after each acknowledged event and is written to the database
 * at most once a second and at stop, so a crash re-sends at most that second's events: delivery is at least once,
 * and receivers deduplicate on {@code seq}.
 *
 * <p>All state is confined to the forwarder's own Vert.x context.
 */
final class TargetForwarder {
    private static final Logger LOG = LoggerFactory.getLogger(TargetForwarder.class);
    static final int PAGE = 100;

    /** What the status of a target shows, read from any thread. */
    record Status(String state, long cursor, long storeSeq, long delivered, int failures, String lastError,
                  Instant lastErrorAt, Instant lastDeliveryAt, Instant nextAttemptAt) {
        /** Sequence numbers between the cursor and the newest stored event. */
        long lag() {
            return Math.max(0, storeSeq - cursor);
        }

        ObjectNode json() {
            return FieldWriter.object().put("state", state).put("cursor", cursor)
                    .put("lag", lag()).put("delivered", delivered)
                    .put("consecutiveFailures", failures).put("lastError", lastError)
                    .put("lastErrorAt", text(lastErrorAt)).put("lastDeliveryAt", text(lastDeliveryAt))
                    .put("nextAttemptAt", text(nextAttemptAt)).build();
        }

        private static String text(Instant at) {
            return at == null ? null : at.toString();
        }
    }

    interface CursorSink {
        void save(String id, long cursor) throws Exception;
    }

    private final Vertx vertx;
    private final Context context;
    private final Sink sink;
    private final EventReader reader;
    private final CursorSink cursors;
    private final ForwardSettings settings;
    private final ForwardTarget target;
    private final ForwardMetrics metrics;

    private volatile Status status;
    private long cursor;
    private long savedCursor;
    private long storeSeq;
    private long delivered;
    private final Backoff backoff;
    private String lastError;
    private Instant lastErrorAt;
    private Instant lastDeliveryAt;
    private long retryTimer = -1;
    private long saveTimer = -1;
    private boolean busy;
    private boolean again;
    private boolean stopped;
    private AutoCloseable subscription;

    TargetForwarder(Vertx vertx, WebClient client, EventReader reader, CursorSink cursors, ForwardSettings settings,
                    ForwardTarget target, ForwardMetrics metrics) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.sink = Sink.of(vertx, client, target, settings);
        this.reader = reader;
        this.cursors = cursors;
        this.settings = settings;
        this.target = target;
        this.metrics = metrics;
        this.backoff = new Backoff(settings.firstBackoff(), settings.maxBackoff());
        this.cursor = target.cursor();
        this.savedCursor = target.cursor();
        this.storeSeq = target.cursor();
        publish(target.enabled() ? "idle" : "disabled", null);
    }

    ForwardTarget target() {
        return target;
    }

    Status status() {
        return status;
    }

    void start() {
        if (!target.enabled()) {
            return;
        }
        context.runOnContext(v -> {
            subscription = reader.watch(seq -> context.runOnContext(w -> {
                storeSeq = Math.max(storeSeq, seq);
                pump();
            }));
            saveTimer = vertx.setPeriodic(settings.cursorSaveInterval().toMillis(), id -> saveCursor());
            Future.fromCompletionStage(reader.find(EventFilter.ALL, PageRequest.newest(1)),
                    context).onSuccess(newest -> {
                        if (!newest.events().isEmpty()) {
                            storeSeq = Math.max(storeSeq, newest.events().get(0).seq());
                        }
                        pump();
                    });
        });
    }

    /** Stops delivering and completes with the cursor, written to the database. */
    Future<Long> stop() {
        Promise<Long> done = Promise.promise();
        context.runOnContext(v -> {
            stopped = true;
            vertx.cancelTimer(retryTimer);
            vertx.cancelTimer(saveTimer);
            closeSubscription();
            sink.close();
            long last = cursor;
            vertx.executeBlocking(() -> {
                cursors.save(target.id(), last);
                return last;
            }, false).onComplete(done);
        });
        return done.future();
    }

    private void pump() {
        if (stopped || retryTimer >= 0) {
            return;
        }
        if (busy) {
            again = true;
            return;
        }
        busy = true;
        again = false;
        Future.fromCompletionStage(reader.find(target.compiled(), PageRequest.after(cursor, PAGE)), context)
                .onComplete(read -> {
                    if (read.failed()) {
                        failed("cannot read the store: " + read.cause().getMessage());
                        return;
                    }
                    deliver(read.result(), 0);
                });
    }

    private void deliver(EventPage page, int index) {
        if (stopped) {
            return;
        }
        List<StoredEvent> events = page.events();
        if (index == events.size()) {
            // past the page, including the events the filter left out
            cursor = Math.max(cursor, page.resume() == null ? cursor : page.resume());
            storeSeq = Math.max(storeSeq, cursor);
            busy = false;
            publish("idle", null);
            if (page.more() || again) {
                pump();
            }
            return;
        }
        StoredEvent event = events.get(index);
        publish("delivering", null);
        sink.deliver(event, Json.standard().write(EventViews.json(event, false))).onComplete(sent -> {
            if (stopped) {
                return;
            }
            if (sent.failed()) {
                failed(sent.cause().getMessage() == null ? sent.cause().toString() : sent.cause().getMessage());
                return;
            }
            cursor = event.seq();
            delivered++;
            backoff.reset();
            lastDeliveryAt = Instant.now();
            metrics.delivered(target.id());
            deliver(page, index + 1);
        });
    }

    private void failed(String reason) {
        busy = false;
        lastError = reason;
        lastErrorAt = Instant.now();
        metrics.failed(target.id());
        long wait = backoff.nextMillis();
        int failures = backoff.failures();
        if (failures == 1 || failures % 10 == 0) {
            LOG.warn("forwarding to {} failed ({} in a row): {}; retrying in {} ms", target.id(), failures, reason,
                    wait);
        }
        publish("retrying", Instant.now().plusMillis(wait));
        retryTimer = vertx.setTimer(wait, id -> {
            retryTimer = -1;
            pump();
        });
    }

    private void saveCursor() {
        long now = cursor;
        if (now == savedCursor) {
            return;
        }
        vertx.executeBlocking(() -> {
            cursors.save(target.id(), now);
            return now;
        }, false).onComplete(saved -> {
            if (saved.succeeded()) {
                savedCursor = Math.max(savedCursor, now);
            } else {
                LOG.warn("cannot save the forwarding cursor of {}: {}", target.id(), saved.cause().getMessage());
            }
        });
    }

    private void publish(String state, Instant nextAttemptAt) {
        status = new Status(state, cursor, storeSeq, delivered, backoff.failures(), lastError, lastErrorAt,
                lastDeliveryAt, nextAttemptAt);
    }

    private void closeSubscription() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("closing the commit subscription of {}", target.id(), e);
            }
        }
    }
}
