package io.gatehouse.server.connect;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket to one device, and never more than one: a new connection is opened only once the previous one
 * has closed (or failed to open), so a device that accepts few clients (a terminal takes three) never sees the
 * hub twice. Pings keep it honest: a socket that has answered nothing for two ping periods is closed and
 * reopened. Failures reopen it after an exponential back-off with full jitter. Lives on the connector's loop.
 */
final class WebSocketLink {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketLink.class);
    private static final Buffer PING = Buffer.buffer("gatehouse");
    /** How long a closing socket waits for the device's close frame before its connection is simply dropped. */
    private static final int CLOSE_GRACE_SECONDS = 1;

    /** What the connector does with the socket. */
    interface Events {
        /** A new socket is open (send a configuration). */
        void opened(WebSocket socket);

        /** The new socket answered (a pong or a message): the device took it, clear any complaint. */
        void answered();

        /** One whole message, text or binary, as received. */
        void message(Buffer payload);

        /**
         * The socket could not be opened, or closed (CONNECTING: dropped, being reopened; DEGRADED: the device
         * refused what was sent); it will be reopened after a back-off.
         */
        void lost(DeviceException why);
    }

    private final ConnectorLoop loop;
    private final String deviceId;
    private final WebSocketClient client;
    private final Function<WebSocketClient, Future<WebSocket>> opener;
    private final Events events;
    private final Backoff backoff;
    private final long pingMillis;
    private WebSocket socket;
    private boolean connecting;
    private boolean stopped;
    private long retryTimer = -1;
    private long pingTimer = -1;
    private long lastHeardNanos;
    private boolean answered;
    private volatile long opened;

    /** Call on the loop: the client is created there. {@code opener} connects with the client it is given. */
    WebSocketLink(ConnectorLoop loop, String deviceId, ConnectorSettings settings, DeviceTls tls,
                  Function<WebSocketClient, Future<WebSocket>> opener, Events events) {
        this.loop = loop;
        this.deviceId = deviceId;
        // at most one connection per client, as a second guard beside the link's own one-at-a-time rule
        this.client = loop.vertx().createWebSocketClient(tls.apply(new WebSocketClientOptions()
                .setMaxConnections(1)
                .setMaxMessageSize(settings.maxMessageBytes())
                .setMaxFrameSize(Math.min(settings.maxMessageBytes(), 1 << 20))
                .setConnectTimeout((int) settings.requestTimeout().toMillis())
                .setClosingTimeout(CLOSE_GRACE_SECONDS)));
        this.opener = opener;
        this.events = events;
        this.backoff = new Backoff(settings.backoffMin(), settings.backoffMax());
        this.pingMillis = settings.ping().toMillis();
    }

    void start() {
        connect();
    }

    /** Skips the rest of a back-off (the device is known to be back). */
    void retryNow() {
        if (!stopped && socket == null && !connecting) {
            loop.cancel(retryTimer);
            retryTimer = -1;
            connect();
        }
    }

    WebSocket socket() {
        return socket;
    }

    /** How many sockets this link has opened so far. */
    long opened() {
        return opened;
    }

    /** Closes the socket (freeing the device's slot) and the client. */
    Future<Void> stop() {
        stopped = true;
        loop.cancel(retryTimer);
        loop.cancel(pingTimer);
        WebSocket open = socket;
        socket = null;
        Future<Void> closed = open == null ? Future.succeededFuture()
                : open.close((short) 1001, "gatehouse stops this connection");
        return closed.eventually(client::close).recover(e -> Future.succeededFuture());
    }

    private void connect() {
        connecting = true;
        Future<WebSocket> attempt;
        try {
            attempt = opener.apply(client);
        } catch (RuntimeException e) {
            attempt = Future.failedFuture(e);
        }
        attempt.onComplete(ar -> {
            connecting = false;
            if (stopped) {
                if (ar.succeeded()) {
                    ar.result().close();
                }
            } else if (ar.succeeded()) {
                attach(ar.result());
            } else {
                events.lost(ar.cause() instanceof DeviceException d ? d
                        : new DeviceException(DeviceState.OFFLINE, "WebSocket: " + Failures.message(ar.cause())));
                retryLater();
            }
        });
    }

    private void attach(WebSocket opened) {
        socket = opened;
        this.opened++;
        answered = false;
        lastHeardNanos = System.nanoTime();
        opened.textMessageHandler(text -> {
            heard();
            events.message(Buffer.buffer(text));
        });
        opened.binaryMessageHandler(bytes -> {
            heard();
            events.message(bytes);
        });
        opened.pongHandler(pong -> heard());
        opened.exceptionHandler(e -> LOG.debug("device {}: WebSocket error: {}", deviceId, Failures.message(e)));
        opened.closeHandler(v -> closed(opened));
        pingTimer = loop.vertx().setPeriodic(pingMillis, id -> ping(opened));
        events.opened(opened);
        opened.writePing(PING);
    }

    /** The device answered: the link works, so the next failure starts the back-off from the bottom again. */
    private void heard() {
        lastHeardNanos = System.nanoTime();
        backoff.reset();
        if (!answered) {
            answered = true;
            events.answered();
        }
    }

    private void ping(WebSocket open) {
        if (open != socket || open.isClosed()) {
            return;
        }
        if (System.nanoTime() - lastHeardNanos > 2_000_000L * pingMillis) {
            LOG.warn("device {}: the WebSocket answered no ping for {} ms; reconnecting", deviceId, 2 * pingMillis);
            loop.cancel(pingTimer);
            // a dead link will not answer the close either: the connection is dropped after the grace period
            open.close((short) 1001, "no answer to ping");
            return;
        }
        open.writePing(PING);
    }

    private void closed(WebSocket closed) {
        if (closed != socket) {
            return;
        }
        loop.cancel(pingTimer);
        socket = null;
        if (stopped) {
            return;
        }
        Short status = closed.closeStatusCode();
        boolean refusal = status != null && status != 1000 && status != 1001 && status != 1006;
        // a refusal (a configuration the device does not take) is the device's answer; anything else is a drop
        if (refusal) {
            events.lost(new DeviceException(DeviceState.DEGRADED, "the device closed the WebSocket with status " + status
                    + (closed.closeReason() == null || closed.closeReason().isEmpty() ? "" : ": " + closed.closeReason())));
        } else {
            LOG.info("device {}: WebSocket closed{}; reconnecting", deviceId, status == null ? "" : " (" + status + ")");
            events.lost(new DeviceException(DeviceState.CONNECTING, "the WebSocket closed; reconnecting"));
        }
        retryLater();
    }

    private void retryLater() {
        long delay = backoff.nextMillis();
        retryTimer = loop.timer(delay, () -> {
            retryTimer = -1;
            if (!stopped && socket == null && !connecting) {
                connect();
            }
        });
    }
}
