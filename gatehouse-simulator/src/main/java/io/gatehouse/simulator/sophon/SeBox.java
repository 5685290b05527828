package io.gatehouse.simulator.sophon;

import io.gatehouse.protocol.ProtocolCodec;
import io.gatehouse.protocol.sophon.SophonConfig;
import io.gatehouse.protocol.sophon.SophonDeviceList;
import io.gatehouse.protocol.sophon.SophonEvent;
import io.gatehouse.simulator.device.Counter;
import io.gatehouse.simulator.device.CounterSnapshot;
import io.gatehouse.simulator.device.DeviceKind;
import io.gatehouse.simulator.device.DeviceVerticle;
import io.gatehouse.simulator.device.FaceImages;
import io.gatehouse.simulator.device.NetworkCondition;
import io.gatehouse.simulator.roster.Person;
import io.gatehouse.simulator.roster.Roster;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * One emulated Sophon SE box: the camera list on its REST port (5555), and on its WebSocket port (5679) the
 * recognitions of the cameras each client listed in its configuration, in the box's document version.
 */
public final class SeBox extends DeviceVerticle {
    /** A configuration is a few camera ids; anything this large is refused (close 1009). */
    static final int MAX_CONFIGURATION_BYTES = 64 * 1024;

    private final SeBoxConfig config;
    private final SplittableRandom random;
    private final List<BoxSubscriber> subscribers = new ArrayList<>();
    private final List<Long> timers = new ArrayList<>();
    private BoxEvents events;
    private HttpServer rest;
    private HttpServer webSocket;
    private Router router;
    private int restPort;
    private int webSocketPort;
    private volatile List<Camera> cameras;

    /** One recognition at one camera and the clients it went to. */
    public record Sighting(String eventId, String cameraId, String personId, int sentTo) {
    }

    public SeBox(SeBoxConfig config) {
        this.config = config;
        this.random = new SplittableRandom(config.seed());
        this.cameras = config.cameras();
    }

    @Override
    public Future<?> start() {
        events = new BoxEvents(config.version(), config.address(), FaceImages.shared());
        router = Router.router(vertx);
        router.route().handler(slowLink());
        router.get("/SophonDevice/api/Devices").handler(ctx -> ctx.response()
                .putHeader("content-type", "application/json").end(Buffer.buffer(deviceList())));
        router.route().handler(ctx -> ctx.response().setStatusCode(404).putHeader("content-type", "application/json")
                .end("{\"msg\":\"Not Found: the camera list is GET /SophonDevice/api/Devices\",\"data\":null}"));
        return listen(config.restPort(), config.webSocketPort()).onSuccess(v -> startCameras());
    }

    private byte[] deviceList() {
        return ProtocolCodec.standard().encode(new SophonDeviceList(cameras.stream()
                .map(c -> new SophonDeviceList.MediaDevice(c.id(), c.name(), Map.of())).toList()));
    }

    private Future<Void> listen(int restAt, int webSocketAt) {
        rest = vertx.createHttpServer(new HttpServerOptions().setHost(config.address()).setPort(restAt))
                .requestHandler(router);
        webSocket = vertx.createHttpServer(new HttpServerOptions().setHost(config.address()).setPort(webSocketAt)
                        .setMaxWebSocketMessageSize(MAX_CONFIGURATION_BYTES))
                .webSocketHandler(this::accept)
                .requestHandler(req -> req.response().setStatusCode(400).end("port " + webSocketAt + " speaks WebSocket"));
        return rest.listen().compose(r -> {
            restPort = r.actualPort();
            return webSocket.listen();
        }).onSuccess(w -> webSocketPort = w.actualPort()).mapEmpty();
    }

    private void accept(ServerWebSocket socket) {
        BoxSubscriber subscriber = new BoxSubscriber(socket, config.version(), counters);
        subscribers.add(subscriber);
        socket.closeHandler(v -> subscribers.remove(subscriber));
        socket.exceptionHandler(e -> tooBigOrBroken(socket, e));
        // whole messages, however the client fragments them; above the limit Vert.x closes with 1009
        socket.textMessageHandler(text -> receive(subscriber, Buffer.buffer(text)));
        socket.binaryMessageHandler(bytes -> receive(subscriber, bytes));
    }

    /** Vert.x reports an oversized message or a protocol violation here; the client is told which. */
    private void tooBigOrBroken(ServerWebSocket socket, Throwable e) {
        counters.increment(Counter.REFUSED);
        String message = String.valueOf(e.getMessage());
        if (message.contains("overflow") || message.toLowerCase(Locale.ROOT).contains("exceed")) {
            socket.close((short) 1009, "configuration larger than " + MAX_CONFIGURATION_BYTES + " bytes");
        } else {
            socket.close((short) 1002, message.length() > 100 ? message.substring(0, 100) : message);
        }
    }

    private void receive(BoxSubscriber subscriber, Buffer payload) {
        long delay = network().delayMillis();
        if (delay > 0) {
            vertx.setTimer(delay, id -> subscriber.onMessage(payload));
        } else {
            subscriber.onMessage(payload);
        }
    }

    private void startCameras() {
        if (config.rate() <= 0) {
            return;
        }
        long period = Math.max(1, Math.round(1000 / config.rate()));
        timers.add(vertx.setPeriodic(period, id -> cameras.forEach(camera -> see(camera, config.roster().pick(random)))));
    }

    @Override
    public Future<?> stop() {
        timers.forEach(vertx::cancelTimer);
        return Future.succeededFuture();
    }

    /** {@code personId} (or {@link Roster#STRANGER}) walks past {@code cameraId} (null: the first camera). */
    public Future<Sighting> recognize(String personId, String cameraId) {
        return onLoop(() -> {
            Camera camera = cameraId == null ? cameras.get(0) : cameras.stream()
                    .filter(c -> c.id().equals(cameraId)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no camera " + cameraId + " on box " + config.boxId()));
            Person person = Roster.STRANGER.equals(personId) ? null : config.roster().find(personId)
                    .orElseThrow(() -> new IllegalArgumentException("no person " + personId + " in the roster"));
            return Future.succeededFuture(see(camera, person));
        });
    }

    private Sighting see(Camera camera, Person person) {
        counters.increment(Counter.GENERATED);
        double score = person == null ? 0.30 + random.nextDouble() * 0.30 : 0.75 + random.nextDouble() * 0.23;
        BoxEvents.Sighting sighting = new BoxEvents.Sighting(UUID.randomUUID().toString(), camera, person,
                System.currentTimeMillis(), Math.round(score * 10_000) / 10_000.0);
        Map<SophonConfig, String> written = new LinkedHashMap<>();
        int sent = 0;
        for (BoxSubscriber subscriber : List.copyOf(subscribers)) {
            if (subscriber.wants(camera.id())) {
                subscriber.send(written.computeIfAbsent(subscriber.config(), c -> text(events.event(sighting, c))));
                sent++;
            }
        }
        return new Sighting(sighting.eventId(), camera.id(), person == null ? Roster.STRANGER : person.id(), sent);
    }

    private static String text(SophonEvent event) {
        return new String(ProtocolCodec.standard().encode(event), StandardCharsets.UTF_8);
    }

    @Override
    public Future<Void> sendMalformed(String channel) {
        return onLoop(() -> {
            if (!"websocket".equals(channel)) {
                return Future.failedFuture("an SE box sends on channel websocket only, not " + channel);
            }
            Camera camera = cameras.get(0);
            BoxEvents.Sighting sighting = new BoxEvents.Sighting("malformed", camera, null, System.currentTimeMillis(), 0.5);
            counters.increment(Counter.MALFORMED_SENT);
            for (BoxSubscriber subscriber : List.copyOf(subscribers)) {
                if (subscriber.config() != null) {
                    byte[] whole = ProtocolCodec.standard().encode(events.event(sighting, subscriber.config()));
                    subscriber.send(new String(Arrays.copyOf(whole, whole.length / 2), StandardCharsets.UTF_8));
                }
            }
            return Future.succeededFuture();
        });
    }

    @Override
    protected Future<Void> applyNetwork(NetworkCondition before, NetworkCondition after) {
        if (after.down() && !before.down()) {
            List.copyOf(subscribers).forEach(BoxSubscriber::close);
            return rest.close().compose(v -> webSocket.close());
        }
        if (!after.down() && before.down()) {
            return listen(restPort, webSocketPort);
        }
        return Future.succeededFuture();
    }

    public List<Camera> cameras() {
        return cameras;
    }

    /**
     * Cameras added or removed at run time (an installer at work): the REST list changes at once; each client keeps
     * its configuration, so a camera it did not list stays silent for it until it sends a new one.
     */
    public Future<Void> setCameras(List<Camera> list) {
        List<Camera> copy = List.copyOf(list);
        if (copy.isEmpty()) {
            return Future.failedFuture("an SE box has at least one camera");
        }
        return onLoop(() -> {
            cameras = copy;
            return Future.succeededFuture();
        });
    }

    public int restPort() {
        return restPort;
    }

    public int webSocketPort() {
        return webSocketPort;
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.SE_BOX;
    }

    @Override
    public String serial() {
        return config.boxId();
    }

    @Override
    public String version() {
        return config.version().label();
    }

    @Override
    public String address() {
        return config.address();
    }

    @Override
    public Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("rest", restPort);
        ports.put("websocket", webSocketPort);
        return ports;
    }

    @Override
    public CounterSnapshot counters() {
        return counters.snapshot(0, 0);
    }
}
