package io.gatehouse.server.device.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.DecodeLimits;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.Json;
import io.gatehouse.protocol.json.Notes;
import io.gatehouse.server.api.ApiResponses;
import io.gatehouse.server.device.DeviceAudit;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Request bodies and answers of the devices API: small strict JSON in, {@code {error, field, reason}} out. */
public final class ApiBodies {
    private static final Logger LOG = LoggerFactory.getLogger(ApiBodies.class);
    static final int MAX_BODY = 64 << 10;
    private static final Json JSON = new Json(new DecodeLimits(MAX_BODY, 16 << 10, 8, 1));
    private static final Pattern ACTOR = Pattern.compile("[\\x20-\\x7e]{1,1000}");
    /** A decoded name: no control characters (a line break would forge an audit line in a text export). */
    private static final Pattern ACTOR_NAME = Pattern.compile("[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]+");

    private ApiBodies() {
    }

    /** A body handler for {@code route}: at most {@value #MAX_BODY} bytes, 413 as JSON beyond. */
    public static Route withBody(Route route) {
        return route.handler(BodyHandler.create(false).setBodyLimit(MAX_BODY))
                .failureHandler(ctx -> {
                    if (ctx.statusCode() == 413) {
                        ApiResponses.error(ctx, 413, "too_large", null, "the body exceeds " + MAX_BODY + " bytes");
                    } else {
                        ApiResponses.failed(ctx, ctx.failure());
                    }
                });
    }

    static JsonNode json(RoutingContext ctx) throws DecodeException {
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        return JSON.parse(body == null ? new byte[0] : body.getBytes());
    }

    /** The body as a JSON object of only {@code known} fields; an empty body reads as {@code {}}. */
    public static FieldReader object(RoutingContext ctx, Set<String> known) throws DecodeException {
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        FieldReader r = FieldReader.root(body == null || body.length() == 0 ? Json.object() : json(ctx), new Notes());
        for (var names = r.node().fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new DecodeException(name.length() > 40 ? name.substring(0, 40) + "..." : name,
                        "unknown field; expected one of " + new TreeSet<>(known));
            }
        }
        return r;
    }

    /**
     * Who asked, for the audit log: the {@code X-Gatehouse-Actor} header, else "admin" (the token's holder). HTTP
     * headers are ASCII, so a name in other scripts (王五, José) comes percent-encoded as UTF-8, as JavaScript's
     * {@code encodeURIComponent} writes it, and is decoded here.
     */
    static String actor(RoutingContext ctx) {
        String header = ctx.request().getHeader("X-Gatehouse-Actor");
        if (header == null || !ACTOR.matcher(header).matches()) {
            return "admin";
        }
        String name = header.indexOf('%') >= 0 ? percentDecoded(header) : header;
        return name != null && ACTOR_NAME.matcher(name).matches() && name.codePointCount(0, name.length()) <= 100
                ? name : "admin";
    }

    /** {@code text} with each {@code %XX} turned into its byte, read as UTF-8; {@code null} when it is not that. */
    private static String percentDecoded(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    return null;
                }
                bytes.write(HexFormat.fromHexDigits(text, i + 1, i + 3));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Writes what this request's actor did to {@code deviceId} to the audit log, off the event loop, then runs
     * {@code then} with the entry's number: the log has it when the caller hears the answer. An entry that cannot be
     * written is logged and {@code then} gets {@code null}: what was done stands.
     */
    static void audited(RoutingContext ctx, DeviceAudit audit, String deviceId, String action, ObjectNode detail,
                        String outcome, Consumer<Long> then) {
        DeviceAudit.Entry entry = new DeviceAudit.Entry(Instant.now(), deviceId, action, actor(ctx),
                ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress(), detail,
                outcome);
        ctx.vertx().executeBlocking(() -> audit.record(entry), false).onComplete(done -> {
            if (done.failed()) {
                LOG.warn("could not audit {} of device {}: {}", action, deviceId, done.cause().getMessage());
            }
            then.accept(done.result());
        });
    }

    public static void badRequest(RoutingContext ctx, DecodeException e) {
        ApiResponses.error(ctx, 400, "bad_request", e.path().isEmpty() ? "body" : e.path(), e.reason());
    }

    /** Runs {@code then} on the request's context; registry refusals become their status, anything else a 500. */
    static <T> void when(RoutingContext ctx, CompletionStage<T> stage, Consumer<T> then) {
        ApiResponses.when(ctx, Future.fromCompletionStage(stage), then);
    }
}
