package io.gatehouse.server.ingest;

import io.gatehouse.core.store.Channel;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The plumbing every device receiver shares: note the time of receipt first (remote authorization's budget starts
 * there), find the device by the token in the address (404 for an address nobody owns, before a byte of the body is
 * read), read the body within the size limit (413 beyond it, counted and quarantined like any refusal), and hand the
 * request to the receiver with its {@link Source}.
 */
public final class ReceiverRoute {
    private static final String SOURCE = "gatehouse.source";
    private static final String RECEIVED_NANOS = "gatehouse.receivedNanos";
    private static final String RECEIVED_AT = "gatehouse.receivedAt";
    private static final String BODY = "gatehouse.body";

    private ReceiverRoute() {
    }

    /**
     * Mounts {@code method path} (with a {@code :token} parameter) on {@code router}.
     *
     * @param lookup the device owning a token, given the token and the caller's address
     */
    public static Route mount(Router router, HttpMethod method, String path, Channel channel,
                              BiFunction<String, String, Optional<Source>> lookup, IngestPipeline pipeline,
                              IngestMetrics metrics, int maxBodyBytes, Handler<RoutingContext> receiver) {
        // two routes: Vert.x wants a body handler first on its route, and the token is checked before the body is read
        router.route(method, path).handler(ctx -> {
            ctx.put(RECEIVED_NANOS, System.nanoTime());
            ctx.put(RECEIVED_AT, Instant.now());
            Optional<Source> source = lookup.apply(ctx.pathParam("token"), remoteAddress(ctx));
            if (source.isEmpty()) {
                metrics.unknownReceiver();
                DeviceAnswers.unknownReceiver(ctx);
                return;
            }
            ctx.put(SOURCE, source.get());
            ctx.next();
        });
        Route route = router.route(method, path);
        if (method == HttpMethod.POST) {
            route.handler(ctx -> RequestBodyReader.read(ctx, maxBodyBytes, BODY));
        }
        route.handler(receiver);
        route.failureHandler(ctx -> {
            Source source = ctx.get(SOURCE);
            Rejection rejection = ctx.statusCode() == 413 ? Rejection.tooLarge(maxBodyBytes)
                    : Rejection.malformed("", "the request could not be read"
                            + (ctx.failure() == null ? "" : " (" + ctx.failure().getClass().getSimpleName() + ")"));
            if (source != null) {
                pipeline.refuse(source, channel, rejection, null);
            }
            DeviceAnswers.refusal(ctx, rejection);
        });
        return route;
    }

    public static Source source(RoutingContext ctx) {
        return ctx.get(SOURCE);
    }

    public static long receivedNanos(RoutingContext ctx) {
        return ctx.get(RECEIVED_NANOS);
    }

    public static Instant receivedAt(RoutingContext ctx) {
        return ctx.get(RECEIVED_AT);
    }

    /** The body as read; the array is the request's own, not a copy. */
    public static byte[] body(RoutingContext ctx) {
        byte[] body = ctx.get(BODY);
        return body == null ? new byte[0] : body;
    }

    private static String remoteAddress(RoutingContext ctx) {
        var address = ctx.request().remoteAddress();
        return address == null ? null : address.hostAddress();
    }
}
