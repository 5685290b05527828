package io.gatehouse.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.core.store.EventReader;
import io.gatehouse.core.store.StoredEvent;
import io.gatehouse.core.store.StoredImage;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The events API: {@code GET /api/events} (filtered, paged), {@code GET /api/events/{seq}} (one event with its
 * forensic payload), {@code GET /api/alarms}, and the images ({@code /api/images/{sha256}},
 * {@code /api/events/{seq}/images/{index}}). Every query runs on the store's reader threads; the handlers only
 * parse, dispatch and answer on the event loop.
 */
public final class EventRoutes {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final EventReader reader;

    private EventRoutes(EventReader reader) {
        this.reader = reader;
    }

    /** Mounts the routes; {@code /api/*} is already behind the admin token. */
    public static void mount(Router router, EventReader reader) {
        EventRoutes routes = new EventRoutes(reader);
        router.get("/api/events").handler(routes::events);
        router.get("/api/alarms").handler(routes::alarms);
        router.get("/api/events/stream").handler(ctx -> EventStream.open(ctx, reader));
        router.get("/api/events/:seq").handler(routes::event);
        router.get("/api/events/:seq/images/:index").handler(routes::eventImage);
        router.get("/api/images/:sha256").handler(routes::image);
    }

    private void events(RoutingContext ctx) {
        page(ctx, "events", false);
    }

    private void alarms(RoutingContext ctx) {
        page(ctx, "alarms", true);
    }

    private void page(RoutingContext ctx, String key, boolean alarms) {
        EventQuery query;
        try {
            query = alarms ? EventQuery.alarms(ctx) : EventQuery.events(ctx);
        } catch (BadParameter e) {
            ApiResponses.badParameter(ctx, e);
            return;
        }
        answer(ctx, reader.find(query.filter(), query.page()), page -> {
            ObjectNode body = ApiResponses.JSON.createObjectNode();
            ArrayNode items = body.putArray(key);
            page.events().forEach(e -> items.add(EventViews.json(e, false)));
            body.put("more", page.more());
            if (page.resume() != null) {
                body.put("next", EventQuery.cursor(query.page().order(), page.resume()));
            } else {
                body.putNull("next");
            }
            ApiResponses.json(ctx, 200, body);
        });
    }

    private void event(RoutingContext ctx) {
        long seq;
        try {
            seq = QueryParams.seq("seq", ctx.pathParam("seq"));
            QueryParams.of(ctx, Set.of());
        } catch (BadParameter e) {
            ApiResponses.badParameter(ctx, e);
            return;
        }
        answer(ctx, reader.event(seq), found -> found.ifPresentOrElse(
                event -> ApiResponses.json(ctx, 200, EventViews.json(event, true)),
                () -> ApiResponses.notFound(ctx, "no event " + seq + " is stored")));
    }

    private void eventImage(RoutingContext ctx) {
        long seq;
        int index;
        try {
            seq = QueryParams.seq("seq", ctx.pathParam("seq"));
            long position = QueryParams.seq("index", ctx.pathParam("index"));
            if (position > 15) {
                throw new BadParameter("index", "an event has at most a few images; expected 0, 1, 2...");
            }
            index = (int) position;
        } catch (BadParameter e) {
            ApiResponses.badParameter(ctx, e);
            return;
        }
        answer(ctx, reader.event(seq), found -> {
            Optional<String> sha256 = found.map(StoredEvent::view).map(v -> v.path("images").path(index))
                    .filter(JsonNode::isObject).map(image -> image.path("sha256").asText());
            if (sha256.isEmpty()) {
                ApiResponses.notFound(ctx, found.isEmpty() ? "no event " + seq + " is stored"
                        : "event " + seq + " has no image " + index);
                return;
            }
            serveImage(ctx, sha256.get());
        });
    }

    private void image(RoutingContext ctx) {
        String sha256 = ctx.pathParam("sha256");
        if (!SHA256.matcher(sha256).matches()) {
            ApiResponses.badParameter(ctx, new BadParameter("sha256", "expected 64 lower-case hex digits"));
            return;
        }
        serveImage(ctx, sha256);
    }

    private void serveImage(RoutingContext ctx, String sha256) {
        String etag = "\"" + sha256 + "\"";
        if (ImageCaching.matches(ctx.request().getHeader("If-None-Match"), sha256)) {
            ImageCaching.headers(ctx.response(), etag).setStatusCode(304).end();
            return;
        }
        answer(ctx, reader.image(sha256), found -> {
            if (found.isEmpty()) {
                ApiResponses.notFound(ctx, "no image " + sha256 + " is stored");
                return;
            }
            StoredImage image = found.get();
            ImageCaching.headers(ctx.response(), etag)
                    .putHeader("Content-Type", image.mediaType())
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .end(Buffer.buffer(image.bytes()));
        });
    }

    /** Completes on the request's context: 500 (logged) when the store failed. */
    private static <T> void answer(RoutingContext ctx, CompletionStage<T> work,
                                   Consumer<T> onSuccess) {
        Future.fromCompletionStage(work, ctx.vertx().getOrCreateContext()).onComplete(result -> {
            if (result.succeeded()) {
                onSuccess.accept(result.result());
            } else {
                ApiResponses.failed(ctx, result.cause());
            }
        });
    }
}
