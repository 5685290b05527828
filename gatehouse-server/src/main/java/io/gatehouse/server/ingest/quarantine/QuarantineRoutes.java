package io.gatehouse.server.ingest.quarantine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.json.FieldWriter;
import io.gatehouse.protocol.json.Json;
import io.gatehouse.server.api.ApiResponses;
import io.gatehouse.server.api.BadParameter;
import io.gatehouse.server.api.QueryParams;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@code /api/quarantine}: the refused payloads, newest first ({@code device}, {@code before}, {@code limit}), one
 * with the bytes kept ({@code /api/quarantine/{id}}), and {@code DELETE} to empty it.
 */
public final class QuarantineRoutes {
    private static final int PREVIEW_CHARS = 200;
    private final Vertx vertx;
    private final Quarantine quarantine;

    private QuarantineRoutes(Vertx vertx, Quarantine quarantine) {
        this.vertx = vertx;
        this.quarantine = quarantine;
    }

    public static void mount(Router router, Vertx vertx, Quarantine quarantine) {
        QuarantineRoutes routes = new QuarantineRoutes(vertx, quarantine);
        router.get("/api/quarantine").handler(routes::list);
        router.delete("/api/quarantine").handler(routes::clear);
        router.get("/api/quarantine/:id").handler(routes::one);
    }

    private void list(RoutingContext ctx) {
        String device;
        Long before;
        int limit;
        try {
            QueryParams params = QueryParams.of(ctx, Set.of("device", "before", "limit"));
            device = params.text("device");
            String after = params.text("before");
            before = after == null ? null : QueryParams.seq("before", after);
            Integer given = params.integer("limit", 1, 500);
            limit = given == null ? 50 : given;
        } catch (BadParameter e) {
            ApiResponses.badParameter(ctx, e);
            return;
        }
        blocking(ctx, () -> quarantine.list(device, before, limit), found -> {
            ObjectNode body = Json.object();
            ArrayNode items = body.putArray("payloads");
            found.forEach(p -> items.add(json(p, false)));
            if (found.size() == limit) {
                body.put("next", found.get(found.size() - 1).id());
            } else {
                body.putNull("next");
            }
            ApiResponses.json(ctx, 200, body);
        });
    }

    private void one(RoutingContext ctx) {
        long id;
        try {
            id = QueryParams.seq("id", ctx.pathParam("id"));
            QueryParams.of(ctx, Set.of());
        } catch (BadParameter e) {
            ApiResponses.badParameter(ctx, e);
            return;
        }
        blocking(ctx, () -> quarantine.one(id), found -> found.ifPresentOrElse(
                p -> ApiResponses.json(ctx, 200, json(p, true)),
                () -> ApiResponses.notFound(ctx, "no quarantined payload " + id)));
    }

    private void clear(RoutingContext ctx) {
        blocking(ctx, quarantine::clear, deleted -> {
            ObjectNode body = Json.object();
            body.put("deleted", deleted);
            ApiResponses.json(ctx, 200, body);
        });
    }

    private <T> void blocking(RoutingContext ctx, Callable<T> work, Consumer<T> then) {
        vertx.executeBlocking(work, false).onComplete(done -> {
            if (done.succeeded()) {
                then.accept(done.result());
            } else {
                ApiResponses.failed(ctx, done.cause());
            }
        });
    }

    /** The entry; its bytes as UTF-8 text when they are text, in base64 otherwise (a preview in listings). */
    static ObjectNode json(QuarantinedPayload p, boolean whole) {
        FieldWriter w = FieldWriter.object()
                .put("id", p.id()).put("deviceId", p.deviceId()).put("channel", p.channel())
                .put("remoteAddress", p.remoteAddress()).put("status", p.status()).put("error", p.error())
                .put("field", p.field()).put("reason", p.reason())
                .put("firstAt", p.firstAt().toString()).put("lastAt", p.lastAt().toString())
                .put("times", p.times()).put("size", p.size()).put("keptBytes", p.keptBytes())
                .put("sha256", p.sha256().isEmpty() ? null : p.sha256());
        String text = utf8(p.payload());
        if (!whole) {
            w.put("preview", text == null ? null : text.length() > PREVIEW_CHARS ? text.substring(0, PREVIEW_CHARS) : text);
        } else if (text != null) {
            w.put("encoding", "utf-8").put("payload", text);
        } else {
            w.put("encoding", "base64").put("payload", Base64.getEncoder().encodeToString(p.payload()));
        }
        return w.build();
    }

    private static String utf8(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

}
