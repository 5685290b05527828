package io.gatehouse.simulator.terminal;

import io.gatehouse.protocol.sense.AlarmStatus;
import io.gatehouse.protocol.sense.AuthMode;
import io.gatehouse.protocol.sense.DeviceFunctions;
import io.gatehouse.protocol.sense.PushAnswer;
import io.gatehouse.protocol.sense.SenseAlarm;
import io.gatehouse.protocol.sense.SenseEvent;
import io.gatehouse.protocol.sense.SenseRecognition;
import io.gatehouse.protocol.sense.SenseVersion;
import io.gatehouse.protocol.sense.SubscribeConfig;
import io.gatehouse.protocol.sense.VerificationMode;
import io.gatehouse.simulator.device.Counter;
import io.gatehouse.simulator.device.CounterSnapshot;
import io.gatehouse.simulator.device.DeviceCertificate;
import io.gatehouse.simulator.device.DeviceKind;
import io.gatehouse.simulator.device.DeviceVerticle;
import io.gatehouse.simulator.device.FaceImages;
import io.gatehouse.simulator.device.NetworkCondition;
import io.gatehouse.simulator.roster.Credential;
import io.gatehouse.simulator.roster.Person;
import io.gatehouse.simulator.roster.Roster;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.Router;
import java.net.BindException;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One emulated SenseNebula Pass terminal: its Web API ({@link TerminalApi}), and what it does when someone walks
 * up: decide (locally or by asking the remote-authorization server), open the door or not, show the tip, write
 * the record, stream it to WebSocket clients and push it to {@code event_dest} (through the offline cache).
 */
public final class Terminal extends DeviceVerticle {
    private static final int RELISTEN_TRIES = 10;
    private static final long RELISTEN_PAUSE_MILLIS = 100;

    private final TerminalConfig config;
    private final SplittableRandom random;
    private HttpServer server;
    private HttpClient client;
    private Router router;
    private int boundPort;
    private long rateTimer = -1;
    private RecordPusher pusher;
    private RemoteAuthorizer authorizer;
    private EventStream stream;
    private RecordHistory history;
    private Recognitions recognitions;
    private Doorkeeper doorkeeper;
    private DeviceFunctions functions;
    private long alarmSequence;
    private volatile DeviceCertificate certificate;

    public Terminal(TerminalConfig config) {
        this.config = config;
        this.random = new SplittableRandom(config.seed());
        this.certificate = config.certificate();
    }

    @Override
    public Future<?> start() {
        client = vertx.createHttpClient(new HttpClientOptions().setLocalAddress(config.address())
                .setTrustAll(true).setVerifyHost(false).setKeepAlive(true), new PoolOptions().setHttp1MaxSize(2));
        DeviceLink link = new DeviceLink(vertx, client, this::network, this::deviceHeaders);
        pusher = new RecordPusher(vertx, link, config.cacheCapacity(), counters, config.timing(), this::onPushAnswer);
        authorizer = new RemoteAuthorizer(vertx, link, counters, config.timing());
        stream = new EventStream(counters);
        history = new RecordHistory(config.historyCapacity());
        recognitions = new Recognitions(config.serial(), config.version(), FaceImages.shared(), random.split(),
                config.distinctSnapshots());
        doorkeeper = new Doorkeeper(authorizer, recognitions);
        functions = defaultFunctions(config.version());
        authorizer.configure(functions);
        if (config.subscription() != null) {
            pusher.subscribe(config.subscription());
        }
        router = newRouter();
        return listen(config.port()).onSuccess(v -> startRate());
    }

    /** The Web API with a fresh signing key: tokens issued before no longer open it, as after a reboot. */
    private Router newRouter() {
        return new TerminalApi(this, new TerminalAuth(config.serial(), config.username(), config.password(),
                config.timing())).router(vertx, slowLink());
    }

    private static DeviceFunctions defaultFunctions(SenseVersion version) {
        VerificationMode mode = version.atLeast(SenseVersion.V1_1_0)
                ? VerificationMode.FACE_OR_CARD_OR_QR_OR_PIN : VerificationMode.FACE_OR_CARD_OR_QR;
        return new DeviceFunctions(1, mode.code(version), true, 1, 1, true, true, true, AuthMode.LOCAL.code(), "",
                0, Map.of());
    }

    private Future<Void> listen(int port) {
        HttpServerOptions options = new HttpServerOptions().setHost(config.address()).setPort(port);
        if (config.tls()) {
            options.setSsl(true).setKeyCertOptions(certificate.keyCertOptions())
                    .setEnabledSecureTransportProtocols(Set.of("TLSv1.2", "TLSv1.3"));
        }
        server = vertx.createHttpServer(options).requestHandler(router);
        return server.listen().onSuccess(s -> boundPort = s.actualPort()).mapEmpty();
    }

    private void startRate() {
        if (config.rate() > 0) {
            long period = Math.max(1, Math.round(1000 / config.rate()));
            rateTimer = vertx.setPeriodic(period, id -> walkUp(config.roster().pick(random), null));
        }
    }

    @Override
    public Future<?> stop() {
        if (rateTimer != -1) {
            vertx.cancelTimer(rateTimer);
        }
        pusher.stop();
        authorizer.stop();
        return client.close();
    }

    // ---- what the Java API and the control API drive

    /**
     * Someone walks up: {@code personId} from the roster, or {@link Roster#STRANGER}; {@code credential} null
     * for the person's usual one.
     */
    public Future<Passage> recognize(String personId, Credential credential) {
        return onLoop(() -> {
            Person person = null;
            if (!Recognitions.isStranger(personId)) {
                person = config.roster().find(personId).orElseThrow(
                        () -> new IllegalArgumentException("no person " + personId + " in the roster"));
            }
            return walkUp(person, credential);
        });
    }

    /** Raises (status 1) or clears (status 3) an alarm and pushes it; alarms exist since v1.3.0. */
    public Future<SenseAlarm> raiseAlarm(int code, int status, String description) {
        return onLoop(() -> {
            if (!config.version().atLeast(SenseVersion.V1_3_0)) {
                return Future.failedFuture("alarms (event type 1) exist since v1.3.0; this terminal speaks "
                        + config.version().label());
            }
            if (AlarmStatus.of(status) == null) {
                return Future.failedFuture("alarm status must be 1 (raised), 2 (clearing failed) or 3 (cleared)");
            }
            long now = System.currentTimeMillis();
            SenseAlarm alarm = new SenseAlarm(config.serial() + "-" + now + "-" + (++alarmSequence), description, code,
                    null, now, status, null, Map.of());
            counters.increment(Counter.GENERATED);
            counters.increment(Counter.ALARMS);
            pusher.submit(alarm);
            return Future.succeededFuture(alarm);
        });
    }

    /**
     * Reboots the terminal on the same address and port: WebSocket clients are dropped and every token it issued
     * stops working (a new signing key); settings and the offline cache are kept. With {@code newCertificate} it
     * comes back presenting that certificate instead, as after a factory reset regenerates its key.
     */
    public Future<Void> restart(DeviceCertificate newCertificate) {
        return onLoop(() -> {
            if (network().down()) {
                return Future.failedFuture("the terminal's network is down: bring it up before restarting");
            }
            stream.closeAll();
            return server.close().compose(v -> {
                if (newCertificate != null) {
                    certificate = newCertificate;
                }
                router = newRouter();
                return relisten(boundPort, RELISTEN_TRIES);
            });
        });
    }

    /**
     * Listens again on the terminal's own port, which devices keep across a restart. While the terminal was down an
     * outgoing connection of this machine may have been given that port as its own for a moment (seen in a test:
     * "Address already in use"), so it tries a few times before giving up.
     */
    private Future<Void> relisten(int port, int triesLeft) {
        return listen(port).recover(e -> {
            if (triesLeft <= 1 || !(e instanceof BindException || e.getCause() instanceof BindException)) {
                return Future.failedFuture(e);
            }
            return vertx.timer(RELISTEN_PAUSE_MILLIS).compose(v -> relisten(port, triesLeft - 1));
        });
    }

    @Override
    public Future<Void> sendMalformed(String channel) {
        return onLoop(() -> {
            SenseRecognition sample = recognitions.record(recognitions.walkup(null, Credential.FACE), false,
                    functions.mode(), false, null);
            if ("push".equals(channel)) {
                return pusher.sendMalformed(sample);
            }
            if ("websocket".equals(channel)) {
                stream.sendMalformed(sample);
                return Future.succeededFuture();
            }
            return Future.failedFuture("a terminal sends on channel push or websocket, not " + channel);
        });
    }

    private Future<Passage> walkUp(Person person, Credential credential) {
        counters.increment(Counter.GENERATED);
        Credential presented = credential != null ? credential : person == null ? Credential.FACE : person.credential();
        Walkup walkup = recognitions.walkup(person, presented);
        return doorkeeper.decide(walkup, recordImage()).map(decision -> finish(walkup, decision));
    }

    private Passage finish(Walkup walkup, Doorkeeper.Decision decision) {
        if (decision.pass()) {
            counters.increment(Counter.DOOR_OPENED);
        }
        showTip(decision.tip());
        SenseRecognition record = recognitions.record(walkup, decision.pass(), functions.mode(), recordImage(),
                decision.identified());
        history.add(record);
        stream.broadcast(record);
        pusher.submit(record);
        return new Passage(walkup.uuid(), walkup.personId(), decision.pass(), decision.tip(), decision.by(), record);
    }

    private void showTip(String tip) {
        if (tip != null && !tip.isBlank()) {
            counters.increment(Counter.TIPS_SHOWN);
        }
    }

    /** A push answer to a record sent while the person is still at the door: its tip shows, its pass opens. */
    private void onPushAnswer(SenseEvent event, PushAnswer answer) {
        if (event instanceof SenseRecognition record) {
            showTip(answer.customTips());
            if (Boolean.TRUE.equals(answer.pass()) && !Boolean.TRUE.equals(record.pass())) {
                counters.increment(Counter.DOOR_OPENED);
            }
        }
    }

    private boolean recordImage() {
        return !Boolean.FALSE.equals(functions.recordImage());
    }

    /** From v1.2.1 every answer and every push carries model, sn, timestamp and account. */
    void deviceHeaders(MultiMap headers) {
        if (config.version().atLeast(SenseVersion.V1_2_1)) {
            headers.set("model", config.model()).set("sn", config.serial())
                    .set("timestamp", Long.toString(System.currentTimeMillis() / 1000))
                    .set("account", config.username());
        }
    }

    @Override
    protected Future<Void> applyNetwork(NetworkCondition before, NetworkCondition after) {
        if (after.down() && !before.down()) {
            stream.closeAll();
            return server.close();
        }
        if (!after.down() && before.down()) {
            return listen(boundPort);
        }
        return Future.succeededFuture();
    }

    // ---- state the API reads and writes (on the event loop)

    TerminalConfig settings() {
        return config;
    }

    DeviceFunctions functions() {
        return functions;
    }

    void functions(DeviceFunctions settings) {
        functions = settings;
        authorizer.configure(settings);
    }

    SubscribeConfig subscription() {
        return pusher.subscription();
    }

    void subscribe(SubscribeConfig config) {
        pusher.subscribe(config);
    }

    RecordHistory history() {
        return history;
    }

    EventStream stream() {
        return stream;
    }

    void doorCommand(int openMode) {
        if (openMode != 2) {
            counters.increment(Counter.DOOR_OPENED);
        }
    }

    void countRefused() {
        counters.increment(Counter.REFUSED);
    }

    // ---- SimulatedDevice

    @Override
    public DeviceKind kind() {
        return DeviceKind.TERMINAL;
    }

    @Override
    public String serial() {
        return config.serial();
    }

    @Override
    public String version() {
        return config.version().label();
    }

    @Override
    public String address() {
        return config.address();
    }

    public int port() {
        return boundPort;
    }

    /** The base URL of its Web API, {@code https://127.0.1.1:8000}. */
    public String baseUrl() {
        return config.scheme() + "://" + config.address() + ":" + boundPort;
    }

    public String username() {
        return config.username();
    }

    public String password() {
        return config.password();
    }

    /** The certificate it presents now ({@code null} for plain HTTP). */
    public DeviceCertificate certificate() {
        return certificate;
    }

    public int webSocketClients() {
        return stream == null ? 0 : stream.clientCount();
    }

    @Override
    public Map<String, Integer> ports() {
        return Map.of(config.scheme(), boundPort);
    }

    @Override
    public CounterSnapshot counters() {
        return pusher == null ? counters.snapshot(0, 0) : counters.snapshot(pusher.cachedSize(), pusher.backlog());
    }
}
