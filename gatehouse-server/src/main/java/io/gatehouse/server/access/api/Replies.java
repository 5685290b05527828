package io.gatehouse.server.access.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.Json;
import io.gatehouse.server.api.ApiRefusal;
import io.gatehouse.server.api.ApiResponses;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the access API answers: JSON bodies, and for every refusal {@code {"error", "field", "reason"}} with the
 * status the refusal carries; anything unexpected is a 500 that names no internals.
 */
final class Replies {
    private static final Logger LOG = LoggerFactory.getLogger(Replies.class);

    private Replies() {
    }

    static void json(RoutingContext ctx, int status, JsonNode body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(Buffer.buffer(Json.standard().write(body)));
    }

    /** The same {@code error} codes as the rest of the API, so an integrator handles one error shape. */
    static void error(RoutingContext ctx, int status, String field, String reason) {
        ApiResponses.error(ctx, status, ApiRefusal.errorCode(status), field, reason);
    }

    static void failure(RoutingContext ctx, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof ApiRefusal r) {
            ApiResponses.refused(ctx, r);
        } else if (cause instanceof DecodeException d) {
            error(ctx, 400, d.path(), d.reason());
        } else {
            LOG.error("access API {} {} failed", ctx.request().method(), ctx.request().path(), cause);
            error(ctx, 500, "", "internal error; see the hub's log");
        }
    }

    /** Runs {@code then} on the request's context once {@code stage} completes; failures become replies. */
    static <T> void when(RoutingContext ctx, CompletionStage<T> stage, Consumer<T> then) {
        Future.fromCompletionStage(stage, ctx.vertx().getOrCreateContext()).onComplete(result -> {
            if (result.failed()) {
                failure(ctx, result.cause());
                return;
            }
            try {
                then.accept(result.result());
            } catch (RuntimeException e) {
                failure(ctx, e);
            }
        });
    }
}
