package io.gatehouse.server.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.ProtocolCodec;
import io.gatehouse.protocol.sense.SenseMessage;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * How the receivers answer devices. Successes are the documented messages. Refusals carry the documented envelope's
 * {@code code} (a terminal reads it; anything but 200 makes it keep the record) and the hub's {@code error},
 * {@code field} and {@code reason}, so a vendor can see what is wrong; 503s add {@code Retry-After}.
 */
public final class DeviceAnswers {
    static final String RETRY_AFTER_SECONDS = "5";

    private DeviceAnswers() {
    }

    public static void message(RoutingContext ctx, int status, SenseMessage message) {
        send(ctx, status, Buffer.buffer(ProtocolCodec.standard().encode(message)));
    }

    public static void refusal(RoutingContext ctx, Rejection r) {
        ObjectNode body = refusalBody(r.status(), r.error(), r.field(), r.reason());
        if (r.status() == 503) {
            ctx.response().putHeader("Retry-After", RETRY_AFTER_SECONDS);
        }
        send(ctx, r.status(), Buffer.buffer(body.toString()));
    }

    /** The refusal of a failed pipeline step; anything but a {@link Rejection.Refused} is the hub's own fault. */
    public static void failure(RoutingContext ctx, Throwable failure) {
        if (failure instanceof Rejection.Refused refused) {
            refusal(ctx, refused.rejection());
        } else {
            refusal(ctx, Rejection.storeFailed(failure.getClass().getSimpleName()));
        }
    }

    public static void unknownReceiver(RoutingContext ctx) {
        send(ctx, 404, Buffer.buffer(refusalBody(404, "not_found", "", "no device has this receiver address; copy it"
                + " from GET /api/devices").toString()));
    }

    static ObjectNode refusalBody(int status, String error, String field, String reason) {
        ObjectNode body = io.gatehouse.protocol.json.Json.object();
        body.put("code", status);
        body.put("msg", reason);
        body.put("error", error);
        body.put("field", field);
        body.put("reason", reason);
        return body;
    }

    private static void send(RoutingContext ctx, int status, Buffer body) {
        if (!ctx.response().ended() && !ctx.response().closed()) {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                    .end(body);
        }
    }
}
