package io.gatehouse.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How the API answers: JSON bodies, and errors as {@code {error, field, reason}} with the matching status. */
public final class ApiResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ApiResponses.class);
    static final ObjectMapper JSON = new ObjectMapper();

    private ApiResponses() {
    }

    public static void json(RoutingContext ctx, int status, JsonNode body) {
        String text;
        try {
            text = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(text);
    }

    public static void badParameter(RoutingContext ctx, BadParameter e) {
        error(ctx, 400, "bad_request", e.field(), e.reason());
    }

    /** A request the router refused before any handler saw it: its path or query is not valid URL encoding. */
    public static void malformed(RoutingContext ctx) {
        String query = ctx.request().query();
        String field = query != null && !decodes(query) ? "query" : "path";
        error(ctx, 400, "bad_request", field, "the " + field + " is not valid URL encoding");
    }

    private static boolean decodes(String text) {
        try {
            URLDecoder.decode(text, StandardCharsets.UTF_8);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static void notFound(RoutingContext ctx, String reason) {
        error(ctx, 404, "not_found", null, reason);
    }

    public static void refused(RoutingContext ctx, ApiRefusal refusal) {
        error(ctx, refusal.status(), refusal.error(), refusal.field(), refusal.reason());
    }

    /**
     * Runs {@code then} on the request's own context once {@code outcome} succeeds (the outcome may complete on a
     * worker or another verticle's loop); an {@link ApiRefusal} becomes its answer, any other failure a 500.
     */
    public static <T> void when(RoutingContext ctx, Future<T> outcome, Consumer<T> then) {
        Context context = ctx.vertx().getOrCreateContext();
        outcome.onComplete(done -> context.runOnContext(v -> {
            if (done.succeeded()) {
                then.accept(done.result());
                return;
            }
            Throwable cause = done.cause() instanceof CompletionException && done.cause().getCause() != null
                    ? done.cause().getCause() : done.cause();
            if (cause instanceof ApiRefusal refusal) {
                refused(ctx, refusal);
            } else {
                failed(ctx, cause);
            }
        }));
    }

    /** A failure of the hub itself: logged with its cause, answered without internals. */
    public static void failed(RoutingContext ctx, Throwable cause) {
        LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), cause);
        if (!ctx.response().headWritten()) {
            error(ctx, 500, "internal_error", null, "the hub could not answer; see its log");
        } else {
            ctx.response().reset();
        }
    }

    /** The API's error answer; a null or empty {@code field} names none, and the answer has no {@code field}. */
    public static void error(RoutingContext ctx, int status, String error, String field, String reason) {
        ObjectNode body = JSON.createObjectNode();
        body.put("error", error);
        if (field != null && !field.isEmpty()) {
            body.put("field", field);
        }
        body.put("reason", reason);
        HttpServerResponse response = ctx.response();
        if (!response.ended()) {
            json(ctx, status, body);
        }
    }
}
