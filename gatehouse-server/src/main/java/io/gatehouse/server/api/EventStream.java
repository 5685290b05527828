package io.gatehouse.server.api;

import io.gatehouse.core.store.EventFilter;
import io.gatehouse.core.store.EventPage;
import io.gatehouse.core.store.EventReader;
import io.gatehouse.core.store.PageRequest;
import io.gatehouse.core.store.StoredEvent;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client of {@code GET /api/events/stream}: Server-Sent Events of committed events matching the filter, each
 * with its sequence number as the SSE id.
 *
 * <p>The stream reads the store and nothing else: it subscribes to the commit signal first, then reads every
 * matching event after its position, page by page, and reads again after each signal. Sequence numbers grow in
 * commit order and every read sees all events up to the newest it sees, so a resumed stream ({@code Last-Event-ID})
 * replays from the store and continues live with no gap and no repeat. A slow client holds no buffer: while its
 * connection's write queue is full the stream stops reading, and catches up from the store once it drains.
 */
final class EventStream {
    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    static final int PAGE = 200;
    private static final long KEEP_ALIVE_MILLIS = 15_000;

    private final Context context;
    private final HttpServerResponse response;
    private final EventReader reader;
    private final EventFilter filter;
    private long position;
    private boolean positioned;
    private boolean reading;
    private boolean again;
    private boolean closed;
    private AutoCloseable subscription;
    private long keepAlive;

    private EventStream(RoutingContext ctx, EventReader reader, EventFilter filter) {
        this.context = ctx.vertx().getOrCreateContext();
        this.response = ctx.response();
        this.reader = reader;
        this.filter = filter;
    }

    static void open(RoutingContext ctx, EventReader reader) {
        EventFilter filter;
        Long after;
        try {
            filter = EventQuery.stream(ctx);
            after = resumePoint(ctx);
        } catch (BadParameter e) {
            ApiResponses.badParameter(ctx, e);
            return;
        }
        new EventStream(ctx, reader, filter).start(ctx, after);
    }

    /** {@code Last-Event-ID} (what a browser's EventSource sends on reconnect) or the {@code after} parameter. */
    private static Long resumePoint(RoutingContext ctx) throws BadParameter {
        String header = ctx.request().getHeader("Last-Event-ID");
        if (header != null && !header.isBlank()) {
            return QueryParams.seq("Last-Event-ID", header.strip());
        }
        String after = ctx.queryParams().get("after");
        return after == null ? null : QueryParams.seq("after", after);
    }

    private void start(RoutingContext ctx, Long after) {
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        response.closeHandler(v -> close());
        response.exceptionHandler(e -> close());
        response.drainHandler(v -> {
            if (again) {
                read();
            }
        });
        response.write("retry: 2000\n\n");
        keepAlive = ctx.vertx().setPeriodic(KEEP_ALIVE_MILLIS, id -> {
            if (!closed && !response.writeQueueFull()) {
                response.write(": keep-alive\n\n");
            }
        });
        subscription = reader.watch(seq -> context.runOnContext(v -> read()));
        if (after != null) {
            positionAt(after);
            return;
        }
        // no resume point: start with what is committed from now on
        Future.fromCompletionStage(reader.find(EventFilter.ALL, PageRequest.newest(1)), context).onComplete(result -> {
            if (result.failed()) {
                fail(result.cause());
                return;
            }
            EventPage newest = result.result();
            positionAt(newest.events().isEmpty() ? 0 : newest.events().get(0).seq());
        });
    }

    private void positionAt(long seq) {
        position = seq;
        positioned = true;
        read();
    }

    private void read() {
        if (closed) {
            return;
        }
        if (!positioned) {
            return; // a commit signal before the starting point is known: the first read covers it
        }
        if (reading || response.writeQueueFull()) {
            again = true;
            return;
        }
        reading = true;
        again = false;
        Future.fromCompletionStage(reader.find(filter, PageRequest.after(position, PAGE)), context).onComplete(result -> {
            reading = false;
            if (closed) {
                return;
            }
            if (result.failed()) {
                fail(result.cause());
                return;
            }
            EventPage page = result.result();
            for (StoredEvent event : page.events()) {
                response.write("id: " + event.seq() + "\nevent: " + event.type().label() + "\ndata: "
                        + EventViews.json(event, false) + "\n\n");
            }
            position = Math.max(position, page.resume());
            if (page.more() || again) {
                again = true;
                if (!response.writeQueueFull()) {
                    read();
                }
            }
        });
    }

    private void fail(Throwable cause) {
        LOG.warn("an event stream failed; the client will reconnect and resume", cause);
        close();
        response.reset();
    }

    private void close() {
        if (closed) {
            return;
        }
        closed = true;
        context.owner().cancelTimer(keepAlive);
        try {
            if (subscription != null) {
                subscription.close();
            }
        } catch (Exception e) {
            LOG.debug("closing a commit subscription", e);
        }
    }
}
