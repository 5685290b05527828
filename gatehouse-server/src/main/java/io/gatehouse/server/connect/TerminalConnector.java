package io.gatehouse.server.connect;

import io.gatehouse.core.store.Channel;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one terminal provisioned and subscribed until stopped. Each cycle logs in (through its
 * {@link TerminalClient}), reads the device's facts, brings the settings its {@link TerminalPlan} names to the
 * plan by read-modify-write and reads them back; it runs again every drift check (repairing a factory reset or
 * someone else's change), sooner with back-off while the terminal is unreachable or refuses a setting, and at the
 * drift pace while it refuses the credentials or the certificate (so a wrong password does not trip the
 * terminal's password-attack alarm). Where the plan wants it, it holds the terminal's one {@code /v1/event}
 * WebSocket from the hub and passes every message, raw, to the listener.
 */
public final class TerminalConnector {
    private static final Logger LOG = LoggerFactory.getLogger(TerminalConnector.class);
    static final String EVENTS_PATH = "/v1/event";

    private final ConnectorLoop loop;
    private final DeviceEndpoint endpoint;
    private final TerminalPlan plan;
    private final ConnectorSettings settings;
    private final ConnectorListener listener;
    private final TerminalClient client;
    private final TerminalProvisioning provisioning;
    private final DeviceHealth health;
    private final Backoff backoff;
    private volatile WebSocketLink link;
    private DeviceInfo info;
    private boolean verified;
    private boolean cycling;
    private boolean stopped;
    private long cycleTimer = -1;

    private TerminalConnector(ConnectorLoop loop, DeviceEndpoint endpoint, TerminalPlan plan, ConnectorListener listener,
                              ConnectorSettings settings) {
        this.loop = loop;
        this.endpoint = endpoint;
        this.plan = plan;
        this.settings = settings;
        this.listener = listener;
        this.client = new TerminalClient(loop, false, endpoint, settings, listener);
        this.provisioning = new TerminalProvisioning(client, plan);
        this.health = new DeviceHealth(endpoint.deviceId(), listener);
        this.backoff = new Backoff(settings.backoffMin(), settings.backoffMax());
    }

    /**
     * Starts keeping {@code endpoint} configured as {@code plan} says, on an event loop of its own. Returns at once;
     * what happens next arrives at {@code listener}. Throws {@link IllegalArgumentException} for an endpoint it
     * cannot use (without a username and password, or with a CA file it cannot read).
     */
    public static TerminalConnector start(Vertx vertx, DeviceEndpoint endpoint, TerminalPlan plan,
                                          ConnectorListener listener, ConnectorSettings settings) {
        Objects.requireNonNull(plan, "plan");
        TerminalConnector connector = ConnectorLoop.start(vertx,
                loop -> new TerminalConnector(loop, endpoint, plan, GuardedListener.of(listener), settings));
        LOG.info("device {}: connecting to {} with {}", endpoint.deviceId(), endpoint.origin(), plan);
        connector.loop.execute(connector::cycle);
        return connector;
    }

    /** The terminal's Web API client, sharing this connector's login and certificate pin. */
    public TerminalClient client() {
        return client;
    }

    public DeviceState state() {
        return health.state();
    }

    /** Why the device is in its {@link #state()}. */
    public String reason() {
        return health.reason();
    }

    public String deviceId() {
        return endpoint.deviceId();
    }

    /** How many WebSockets this connector has opened so far (one at a time), for status and tests. */
    public long webSocketsOpened() {
        return link == null ? 0 : link.opened();
    }

    /**
     * An operator accepted the certificate the terminal now presents ({@code sha256} as the CERTIFICATE_CHANGED
     * reason named it). It is pinned, reported with {@link ConnectorListener#onCertificatePinned}, and the
     * connector tries again at once.
     */
    public void acceptCertificate(String sha256) {
        client.acceptCertificate(sha256);
        String pinned = TlsTrust.normalize(sha256);
        loop.execute(() -> {
            LOG.info("device {}: certificate sha256 {} accepted", endpoint.deviceId(), pinned);
            listener.onCertificatePinned(endpoint.deviceId(), pinned);
            checkNow();
            if (link != null) {
                link.retryNow();
            }
        });
    }

    /** Runs a provisioning cycle now instead of at the next drift check. */
    public void checkNow() {
        loop.execute(() -> {
            if (!cycling) {
                loop.cancel(cycleTimer);
                cycle();
            }
        });
    }

    /** Stops: closes the WebSocket (freeing the terminal's slot) and the connections. No report follows. */
    public Future<Void> stop() {
        return loop.call(() -> {
            stopped = true;
            health.stop();
            loop.cancel(cycleTimer);
            Future<Void> socket = link == null ? Future.succeededFuture() : link.stop();
            return socket.eventually(client::close);
        }).eventually(loop::close).recover(e -> Future.succeededFuture());
    }

    // ---- on the loop

    private void cycle() {
        if (stopped || cycling) {
            return;
        }
        cycling = true;
        client.deviceInfo()
                .recover(e -> e instanceof DeviceException d && d.state() == DeviceState.DEGRADED
                        ? Future.succeededFuture(null) // old firmware without device info: configure it all the same
                        : Future.failedFuture(e))
                .compose(facts -> {
                    learned(facts);
                    return provisioning.apply();
                })
                .onComplete(ar -> {
                    cycling = false;
                    if (stopped) {
                        return;
                    }
                    if (ar.succeeded()) {
                        configured(ar.result());
                    } else {
                        failed(Failures.classify(ar.cause(), "provisioning", client.tls().pin()));
                    }
                });
    }

    private void configured(List<String> changes) {
        backoff.reset();
        if (!changes.isEmpty()) {
            String what = String.join("; ", changes);
            if (verified) {
                LOG.warn("device {}: configuration drifted ({}); repaired", endpoint.deviceId(), what);
            } else {
                LOG.info("device {}: configured ({})", endpoint.deviceId(), what);
            }
        }
        String reason = changes.isEmpty() ? "configuration verified"
                : (verified ? "repaired drift: " : "configured: ") + String.join("; ", changes);
        verified = true;
        holdWebSocket();
        health.api(DeviceState.ONLINE, reason);
        schedule(settings.driftCheck().toMillis());
    }

    private void failed(DeviceException e) {
        health.api(e.state(), e.getMessage());
        switch (e.state()) {
            case UNAUTHORIZED, CERTIFICATE_CHANGED -> schedule(settings.driftCheck().toMillis());
            case DEGRADED -> {
                holdWebSocket();
                schedule(backoff.nextMillis());
            }
            default -> schedule(backoff.nextMillis());
        }
    }

    private void learned(DeviceInfo facts) {
        if (facts == null || facts.equals(info)) {
            return;
        }
        if (info != null && info.serial() != null && !info.serial().equals(facts.serial())) {
            LOG.warn("device {}: the terminal at {} now reports serial {}, it was {} (replaced?)", endpoint.deviceId(),
                    endpoint.origin(), facts.serial(), info.serial());
        }
        info = facts;
        listener.onDeviceInfo(endpoint.deviceId(), facts);
    }

    private void schedule(long delayMillis) {
        loop.cancel(cycleTimer);
        cycleTimer = loop.timer(delayMillis, () -> {
            cycleTimer = -1;
            cycle();
        });
    }

    private void holdWebSocket() {
        if (!plan.webSocket() || link != null) {
            return;
        }
        link = new WebSocketLink(loop, endpoint.deviceId(), settings, client.tls(),
                webSockets -> openWebSocket(webSockets, true), new Subscription());
        health.socket(DeviceState.CONNECTING, "configured; subscribing to " + EVENTS_PATH);
        link.start();
    }

    /** Opens the subscription; a token the terminal no longer knows is replaced and the upgrade tried once more. */
    private Future<WebSocket> openWebSocket(WebSocketClient webSockets, boolean mayRetry) {
        String what = "WebSocket " + EVENTS_PATH;
        return client.authorization().compose(auth -> webSockets.connect(new WebSocketConnectOptions()
                        .setHost(endpoint.host()).setPort(endpoint.port()).setSsl(endpoint.tls()).setURI(EVENTS_PATH)
                        .setTimeout(settings.requestTimeout().toMillis())
                        .putHeader(HttpHeaders.AUTHORIZATION, auth))
                .recover(e -> {
                    if (e instanceof UpgradeRejectedException rejected && rejected.getStatus() == 401
                            && client.refused(auth) && mayRetry) {
                        return openWebSocket(webSockets, false);
                    }
                    return Future.failedFuture(Failures.classify(e, what, client.tls().pin()));
                }));
    }

    /** What the terminal's {@code /v1/event} socket brings: events for the listener, and news about the device. */
    private final class Subscription implements WebSocketLink.Events {
        @Override
        public void opened(WebSocket socket) {
            LOG.info("device {}: subscribed to {}", endpoint.deviceId(), EVENTS_PATH);
        }

        /** The terminal answered on a new socket: it is back, so its configuration is checked now, not later. */
        @Override
        public void answered() {
            health.socket(null, null);
            if (health.api() != DeviceState.ONLINE) {
                checkNow();
            }
        }

        @Override
        public void message(Buffer payload) {
            listener.onPayload(endpoint.deviceId(), Channel.TERMINAL_WEBSOCKET, payload);
        }

        @Override
        public void lost(DeviceException why) {
            health.socket(why.state(), why.getMessage());
        }
    }
}
