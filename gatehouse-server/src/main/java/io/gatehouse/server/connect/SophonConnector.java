package io.gatehouse.server.connect;

import io.gatehouse.core.store.Channel;
import io.gatehouse.protocol.ProtocolCodec;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.sophon.SophonConfig;
import io.gatehouse.protocol.sophon.SophonDecoder;
import io.gatehouse.protocol.sophon.SophonDeviceList;
import io.gatehouse.protocol.sophon.SophonVersion;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one Sophon SE box streaming until stopped. It lists the box's cameras over REST, holds one WebSocket to
 * the box, sends the configuration in the box's document version (the chosen cameras that the box has, or all
 * of them; face crops and registered photos wanted), and passes every event, raw, to the listener. The camera
 * list is read again periodically; when it changes, the configuration is sent again on the open socket (the box
 * replaces the previous one). A box that refuses the configuration (the wrong version, say) closes the socket
 * with a reason, which becomes the DEGRADED reason.
 */
public final class SophonConnector {
    private static final Logger LOG = LoggerFactory.getLogger(SophonConnector.class);
    static final String CAMERAS_PATH = "/SophonDevice/api/Devices";

    private final ConnectorLoop loop;
    private final DeviceEndpoint endpoint;
    private final List<String> chosen;
    private final SophonVersion version;
    private final ConnectorSettings settings;
    private final ConnectorListener listener;
    private final DeviceHealth health;
    private final Backoff backoff;
    private final DeviceTls tls;
    private DeviceHttp http;
    private volatile WebSocketLink link;
    private List<String> cameras;
    private volatile SophonConfig sent;
    private boolean stopped;
    private long refreshTimer = -1;

    private SophonConnector(ConnectorLoop loop, DeviceEndpoint endpoint, List<String> chosen, SophonVersion version,
                            ConnectorListener listener, ConnectorSettings settings) {
        this.loop = loop;
        this.endpoint = endpoint;
        this.chosen = List.copyOf(new LinkedHashSet<>(chosen));
        this.version = version;
        this.settings = settings;
        this.listener = listener;
        this.health = new DeviceHealth(endpoint.deviceId(), listener);
        this.backoff = new Backoff(settings.backoffMin(), settings.backoffMax());
        this.tls = new DeviceTls(endpoint, settings.requestTimeout(), sha -> loop.execute(() -> listener.onCertificatePinned(endpoint.deviceId(), sha)));
    }

    /**
     * Starts streaming from the box at {@code endpoint} ({@code port} its REST port, {@code webSocketPort} its
     * WebSocket port) on an event loop of its own. {@code cameras} empty means every camera the box lists.
     */
    public static SophonConnector start(Vertx vertx, DeviceEndpoint endpoint, List<String> cameras, SophonVersion version,
                                        ConnectorListener listener, ConnectorSettings settings) {
        Objects.requireNonNull(version, "version");
        SophonConnector connector = ConnectorLoop.start(vertx, loop -> new SophonConnector(loop, endpoint,
                cameras == null ? List.of() : cameras, version, GuardedListener.of(listener), settings));
        LOG.info("device {}: SE box {} ({}), cameras {}", endpoint.deviceId(), endpoint.origin(), version,
                connector.chosen.isEmpty() ? "all" : connector.chosen);
        connector.loop.execute(connector::refresh);
        return connector;
    }

    public DeviceState state() {
        return health.state();
    }

    public String reason() {
        return health.reason();
    }

    public String deviceId() {
        return endpoint.deviceId();
    }

    /** The configuration last sent to the box, or {@code null} before the first. */
    public SophonConfig configuration() {
        return sent;
    }

    /** Stops: closes the WebSocket and the connections. No report follows. */
    public Future<Void> stop() {
        return loop.call(() -> {
            stopped = true;
            health.stop();
            loop.cancel(refreshTimer);
            Future<Void> socket = link == null ? Future.succeededFuture() : link.stop();
            return socket.eventually(() -> http == null ? Future.succeededFuture() : http.close());
        }).eventually(loop::close).recover(e -> Future.succeededFuture());
    }

    // ---- on the loop

    private void refresh() {
        if (stopped) {
            return;
        }
        listCameras().onComplete(ar -> {
            if (stopped) {
                return;
            }
            if (ar.succeeded()) {
                backoff.reset();
                listed(ar.result());
                schedule(settings.cameraRefresh().toMillis());
            } else {
                DeviceException e = Failures.classify(ar.cause(), "GET " + CAMERAS_PATH, tls.pin());
                boolean streaming = link != null && link.socket() != null;
                // events still flowing while the list is not: the box is there, only half of it answers
                health.api(streaming && e.state() == DeviceState.OFFLINE ? DeviceState.DEGRADED : e.state(), e.getMessage());
                schedule(backoff.nextMillis());
            }
        });
    }

    private Future<List<String>> listCameras() {
        if (http == null) {
            http = new DeviceHttp(loop.vertx(), endpoint, tls, settings);
        }
        String what = "GET " + CAMERAS_PATH;
        return http.send(HttpMethod.GET, CAMERAS_PATH, null, null, true).compose(reply -> {
            if (reply.status() != 200) {
                return Future.failedFuture(new DeviceException(DeviceState.DEGRADED, what + ": HTTP " + reply.status()));
            }
            try {
                SophonDeviceList list = ProtocolCodec.standard().decode(reply.body().getBytes(), SophonDecoder::readDeviceList);
                return Future.succeededFuture(list.deviceIds());
            } catch (DecodeException e) {
                return Future.failedFuture(new DeviceException(DeviceState.DEGRADED, what + ": the camera list does not"
                        + " read: " + e.getMessage()));
            }
        });
    }

    private void listed(List<String> listed) {
        if (!listed.equals(cameras)) {
            if (cameras != null) {
                LOG.info("device {}: the box's cameras changed: {} -> {}", endpoint.deviceId(), cameras, listed);
            }
            cameras = listed;
            listener.onDeviceInfo(endpoint.deviceId(), new DeviceInfo(null, null, null, listed));
        }
        if (link == null) {
            holdWebSocket();
        } else if (link.socket() != null) {
            configure(link.socket());
        }
        List<String> missing = chosen.stream().filter(id -> !listed.contains(id)).toList();
        health.api(missing.isEmpty() ? DeviceState.ONLINE : DeviceState.DEGRADED, missing.isEmpty()
                ? "streaming " + wanted().size() + " of " + listed.size() + " cameras"
                : "chosen cameras not on the box: " + String.join(", ", missing));
    }

    /** The cameras to stream: the chosen ones the box has, or all it lists. */
    private List<String> wanted() {
        if (chosen.isEmpty()) {
            return cameras;
        }
        Set<String> listed = Set.copyOf(cameras);
        return chosen.stream().filter(listed::contains).toList();
    }

    /** Sends the configuration when the socket has not had this one yet. */
    private void configure(WebSocket socket) {
        SophonConfig config = SophonConfig.of(version, true, true, wanted());
        if (config.equals(sent)) {
            return;
        }
        String text = new String(ProtocolCodec.standard().encode(config), StandardCharsets.UTF_8);
        socket.writeTextMessage(text).onSuccess(v -> {
            sent = config;
            LOG.info("device {}: configuration sent ({} cameras, {})", endpoint.deviceId(), config.cameras().size(), version);
        }).onFailure(e -> LOG.warn("device {}: the configuration could not be sent: {}", endpoint.deviceId(),
                Failures.message(e)));
    }

    private void schedule(long delayMillis) {
        loop.cancel(refreshTimer);
        refreshTimer = loop.timer(delayMillis, () -> {
            refreshTimer = -1;
            refresh();
        });
    }

    private void holdWebSocket() {
        link = new WebSocketLink(loop, endpoint.deviceId(), settings, tls, this::openWebSocket, new BoxStream());
        health.socket(DeviceState.CONNECTING, "cameras listed; connecting to the WebSocket");
        link.start();
    }

    private Future<WebSocket> openWebSocket(WebSocketClient webSockets) {
        return webSockets.connect(new WebSocketConnectOptions().setHost(endpoint.host())
                        .setPort(endpoint.sophonWebSocketPort()).setSsl(endpoint.tls()).setURI("/")
                        .setTimeout(settings.requestTimeout().toMillis()))
                .recover(e -> Future.failedFuture(Failures.classify(e, "WebSocket :" + endpoint.sophonWebSocketPort(),
                        tls.pin())));
    }

    /** What the box's socket brings: events for the listener; a new socket gets the configuration first. */
    private final class BoxStream implements WebSocketLink.Events {
        @Override
        public void opened(WebSocket socket) {
            sent = null;
            configure(socket);
        }

        /** The box took the configuration (it closes at once on one it refuses). */
        @Override
        public void answered() {
            health.socket(null, null);
        }

        @Override
        public void message(Buffer payload) {
            listener.onPayload(endpoint.deviceId(), Channel.SOPHON_WEBSOCKET, payload);
        }

        @Override
        public void lost(DeviceException why) {
            health.socket(why.state(), why.getMessage());
        }
    }
}
