package io.gatehouse.simulator.terminal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.gatehouse.protocol.ProtocolCodec;
import io.gatehouse.protocol.sense.ResultCode;
import io.gatehouse.protocol.sense.SenseEnvelope;
import io.gatehouse.protocol.sense.SenseMessage;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes the terminal's answers: always the {@code {code, msg, data}} envelope with a documented code. The
 * documents give no HTTP statuses, so the emulator mirrors the body code where it is an HTTP one (401, 404,
 * 500), uses 400 for a refused body (code 0, "undefined error", with the field and reason in {@code msg}) and
 * 200 for everything else, login errors 1000 and 1001 included.
 */
final class Answers {
    private Answers() {
    }

    static void ok(RoutingContext ctx, JsonNode data) {
        send(ctx, 200, SenseEnvelope.ok(data == null ? NullNode.instance : data));
    }

    static void send(RoutingContext ctx, int status, SenseMessage message) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        ctx.response().setStatusCode(status)
                .putHeader("content-type", "application/json;charset=UTF-8")
                .end(Buffer.buffer(ProtocolCodec.standard().encode(message)));
    }

    static void error(RoutingContext ctx, ResultCode code, String msg) {
        int status = switch (code) {
            case UNAUTHORIZED -> 401;
            case NOT_FOUND -> 404;
            case INTERNAL_ERROR -> 500;
            case UNDEFINED_ERROR -> 400;
            default -> 200;
        };
        send(ctx, status, SenseEnvelope.error(code, msg));
    }

    /** A refused request body: HTTP {@code status}, code 0, the reason in {@code msg}. */
    static void refused(RoutingContext ctx, int status, String reason) {
        send(ctx, status, SenseEnvelope.error(ResultCode.UNDEFINED_ERROR, reason));
    }
}
