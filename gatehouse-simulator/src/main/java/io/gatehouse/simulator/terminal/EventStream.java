package io.gatehouse.simulator.terminal;

import io.gatehouse.protocol.ProtocolCodec;
import io.gatehouse.protocol.sense.ResultCode;
import io.gatehouse.protocol.sense.SenseEnvelope;
import io.gatehouse.protocol.sense.SenseEvent;
import io.gatehouse.simulator.device.Counter;
import io.gatehouse.simulator.device.DeviceCounters;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code GET /v1/event} upgraded to a WebSocket: every recognition goes to every client as {@code {type, data}}.
 * The terminal takes at most three clients; a fourth upgrade is answered HTTP 503 with an envelope saying
 * so, which a WebSocket client sees as a rejected upgrade with that status.
 */
final class EventStream {
    static final int MAX_CLIENTS = 3;

    // walk-ups broadcast from whichever context triggered them (a timer, the control API), not the socket's
    private final List<ServerWebSocket> clients = new CopyOnWriteArrayList<>();
    private final DeviceCounters counters;
    private int upgrading;

    EventStream(DeviceCounters counters) {
        this.counters = counters;
    }

    void accept(RoutingContext ctx) {
        if (!ctx.request().canUpgradeToWebSocket()) {
            Answers.refused(ctx, 400, "GET /v1/event is a WebSocket: send the Upgrade: websocket handshake");
            return;
        }
        if (clients.size() + upgrading >= MAX_CLIENTS) {
            Answers.send(ctx, 503, SenseEnvelope.error(ResultCode.UNDEFINED_ERROR,
                    "at most " + MAX_CLIENTS + " WebSocket clients at once; close one first"));
            return;
        }
        upgrading++;
        ctx.request().toWebSocket().onComplete(ar -> {
            upgrading--;
            if (ar.succeeded()) {
                ServerWebSocket socket = ar.result();
                clients.add(socket);
                socket.closeHandler(v -> clients.remove(socket));
                socket.exceptionHandler(e -> socket.close());
                socket.frameHandler(frame -> { });
            }
        });
    }

    int clientCount() {
        return clients.size();
    }

    void broadcast(SenseEvent event) {
        if (clients.isEmpty()) {
            return;
        }
        send(new String(ProtocolCodec.standard().encode(event), StandardCharsets.UTF_8));
    }

    /** Sends {@code event} cut in half to every client. */
    void sendMalformed(SenseEvent event) {
        byte[] whole = ProtocolCodec.standard().encode(event);
        counters.increment(Counter.MALFORMED_SENT);
        send(new String(Arrays.copyOf(whole, whole.length / 2), StandardCharsets.UTF_8));
    }

    private void send(String text) {
        for (ServerWebSocket client : clients) {
            if (client.isClosed()) {
                clients.remove(client); // its close handler has not run yet
                continue;
            }
            if (!client.writeQueueFull()) {
                try {
                    client.writeTextMessage(text);
                    counters.increment(Counter.STREAMED);
                } catch (IllegalStateException closedMeanwhile) {
                    // the client went away between the check and the write; the record still goes to push
                    clients.remove(client);
                }
            }
        }
    }

    void closeAll() {
        clients.forEach(ServerWebSocket::close);
        clients.clear();
    }
}
