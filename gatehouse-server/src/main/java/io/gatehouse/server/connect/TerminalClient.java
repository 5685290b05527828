package io.gatehouse.server.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.MessageKind;
import io.gatehouse.protocol.ProtocolCodec;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.Json;
import io.gatehouse.protocol.json.Notes;
import io.gatehouse.protocol.sense.DeviceFunctions;
import io.gatehouse.protocol.sense.DoorCommand;
import io.gatehouse.protocol.sense.RecordsPage;
import io.gatehouse.protocol.sense.RecordsQuery;
import io.gatehouse.protocol.sense.SenseDecoder;
import io.gatehouse.protocol.sense.SenseEnvelope;
import io.gatehouse.protocol.sense.SenseMessage;
import io.gatehouse.protocol.sense.SubscribeConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An authenticated client of one SenseNebula Pass terminal's Web API: JWT login with renewal, re-login when the
 * terminal forgets a token, Basic where login does not exist, and the device's TLS trust (a certificate pinned on
 * first use by default). Every call may be made from any thread: it runs on the connector's event loop and its
 * result comes back on the caller's context. Failures are {@link DeviceException}s saying what the failure means
 * for the device (unreachable, credentials refused, certificate changed, request refused) and quoting the
 * terminal's code and message.
 */
public final class TerminalClient {
    private static final ProtocolCodec CODEC = ProtocolCodec.standard();
    private static final String FUNCTIONS = "/v1/device/functions";
    private static final String SUBSCRIBE = "/v1/event/subscribe";
    /** The one request that must not be repeated on its own: a door would open twice. */
    private static final String DOOR = "/v1/device/door";

    private final ConnectorLoop loop;
    private final boolean ownsLoop;
    private final DeviceEndpoint endpoint;
    private final ConnectorSettings settings;
    private final DeviceTls tls;
    private final TerminalLogin login;
    private DeviceHttp http;
    private volatile String serialHeader;
    private volatile String modelHeader;

    /** What the client's authentication has done so far, for status pages and tests. */
    public record Stats(long logins, long refusedTokens, boolean basicAuthentication) {
    }

    TerminalClient(ConnectorLoop loop, boolean ownsLoop, DeviceEndpoint endpoint, ConnectorSettings settings,
                   ConnectorListener listener) {
        if (endpoint.username() == null || endpoint.password() == null) {
            throw new IllegalArgumentException("device " + endpoint.deviceId() + ": a terminal needs a username and a password");
        }
        this.loop = loop;
        this.ownsLoop = ownsLoop;
        this.endpoint = endpoint;
        this.settings = settings;
        ConnectorListener guarded = listener == null ? null : GuardedListener.of(listener);
        this.tls = new DeviceTls(endpoint, settings.requestTimeout(), sha -> loop.execute(() -> {
            if (guarded != null) {
                guarded.onCertificatePinned(endpoint.deviceId(), sha);
            }
        }));
        this.login = new TerminalLogin(endpoint, settings.tokenValidMinutes(), this::send);
    }

    /**
     * A client on an event loop of its own, for one-off calls outside a {@link TerminalConnector} (checking an
     * address before registering it, say). {@code listener} may be {@code null}; only
     * {@link ConnectorListener#onCertificatePinned} is called. Close it when done. Throws
     * {@link IllegalArgumentException} for an endpoint without a username and password or with an unreadable CA file.
     */
    public static TerminalClient create(Vertx vertx, DeviceEndpoint endpoint, ConnectorSettings settings,
                                        ConnectorListener listener) {
        return ConnectorLoop.start(vertx, loop -> new TerminalClient(loop, true, endpoint, settings, listener));
    }

    public String deviceId() {
        return endpoint.deviceId();
    }

    /** The terminal's function settings, {@code GET /v1/device/functions}. */
    public Future<DeviceFunctions> functions() {
        return call(this::readFunctions);
    }

    /**
     * Read-modify-write of the function settings: reads them, and POSTs only the fields of {@code changes} whose
     * value differs (the terminal changes only the fields a POST carries), so no other setting is touched. Nothing
     * is sent when the terminal already has them.
     */
    public Future<Void> updateFunctions(DeviceFunctions changes) {
        String problem = changes.problem();
        if (problem != null) {
            return Future.failedFuture(new IllegalArgumentException("device functions: " + problem));
        }
        return call(() -> readFunctions().compose(current -> {
            DeviceFunctions delta = delta(current, changes);
            return delta == null ? Future.succeededFuture() : exchange(HttpMethod.POST, FUNCTIONS, delta).mapEmpty();
        }));
    }

    /** The record-push configuration, {@code GET /v1/event/subscribe}. */
    public Future<SubscribeConfig> subscription() {
        return call(() -> exchange(HttpMethod.GET, SUBSCRIBE, null)
                .map(answer -> TerminalAnswers.data("GET " + SUBSCRIBE, answer, SenseDecoder::readSubscribe)));
    }

    /** Sets the record-push destination, {@code POST /v1/event/subscribe}. */
    public Future<Void> subscribe(SubscribeConfig config) {
        String problem = config.problem();
        if (problem != null) {
            return Future.failedFuture(new IllegalArgumentException("subscription: " + problem));
        }
        return call(() -> exchange(HttpMethod.POST, SUBSCRIBE, config).mapEmpty());
    }

    /** Remote door control, {@code POST /v1/device/door}. */
    public Future<Void> openDoor(DoorCommand command) {
        if (command.openModeKnown() == null) {
            return Future.failedFuture(new IllegalArgumentException(
                    "open_mode must be 0 (open then close), 1 (always open) or 2 (always closed)"));
        }
        return call(() -> exchange(HttpMethod.POST, DOOR, command).mapEmpty());
    }

    /** {@code data} of {@code GET /v1/device/info} as sent: {@code sn}, {@code model}, {@code firmware_version}, ... */
    public Future<JsonNode> info() {
        return call(() -> exchange(HttpMethod.GET, "/v1/device/info", null).map(SenseEnvelope::data));
    }

    /**
     * Serial, model and firmware: from {@code /v1/device/info}, or, where the terminal lacks it (code 404), from
     * the {@code sn} and {@code model} headers firmware v1.2.1+ sends with every answer.
     */
    public Future<DeviceInfo> deviceInfo() {
        return info().map(data -> new DeviceInfo(text(data, "sn", serialHeader), text(data, "model", modelHeader),
                        text(data, "firmware_version", null), null))
                .recover(e -> e instanceof DeviceException d && d.state() == DeviceState.DEGRADED && serialHeader != null
                        ? Future.succeededFuture(new DeviceInfo(serialHeader, modelHeader, null, null))
                        : Future.failedFuture(e));
    }

    /** One page of the terminal's history, {@code POST /v1/event/records}. */
    public Future<RecordsPage> records(RecordsQuery query) {
        String problem = query.problem();
        if (problem != null) {
            return Future.failedFuture(new IllegalArgumentException("records query: " + problem));
        }
        return call(() -> authorized(HttpMethod.POST, "/v1/event/records", CODEC.encode(query), true).map(reply -> {
            TerminalAnswers.accepted("POST /v1/event/records", reply);
            try {
                return (RecordsPage) CODEC.decode(reply.body().getBytes(), r -> SenseDecoder.read(MessageKind.RECORDS_PAGE, r));
            } catch (DecodeException e) {
                throw new DeviceException(DeviceState.DEGRADED, "POST /v1/event/records: the page does not read: "
                        + e.getMessage());
            }
        }));
    }

    /** Trust this certificate fingerprint from now on (an operator accepted a changed certificate). */
    public void acceptCertificate(String sha256) {
        CertificatePin pin = tls.pin();
        if (pin == null) {
            throw new IllegalStateException("device " + endpoint.deviceId() + " does not use trust on first use");
        }
        pin.accept(sha256);
    }

    /** The pinned fingerprint (lower-case hex), or {@code null}: nothing pinned yet, or not in TOFU mode. */
    public String pinnedCertificate() {
        return tls.pin() == null ? null : tls.pin().pinned();
    }

    public Stats stats() {
        return new Stats(login.logins(), login.refusedTokens(), login.usesBasic());
    }

    /** Closes the connections (and the client's own loop, when it has one). */
    public Future<Void> close() {
        Future<Void> closed = call(() -> http == null ? Future.succeededFuture() : http.close());
        return ownsLoop ? closed.eventually(loop::close) : closed;
    }

    // ---- on the loop

    DeviceTls tls() {
        return tls;
    }

    DeviceEndpoint endpoint() {
        return endpoint;
    }

    ConnectorSettings settings() {
        return settings;
    }

    /** The header for the WebSocket upgrade (logging in first when needed); call on the loop. */
    Future<String> authorization() {
        return login.authorization();
    }

    /** The WebSocket upgrade was refused with 401 for {@code authorization}: true when a new login may help. */
    boolean refused(String authorization) {
        return login.refused(authorization);
    }

    private <T> Future<T> call(Supplier<Future<T>> action) {
        return loop.call(action);
    }

    private Future<DeviceFunctions> readFunctions() {
        return exchange(HttpMethod.GET, FUNCTIONS, null)
                .map(answer -> TerminalAnswers.data("GET " + FUNCTIONS, answer, SenseDecoder::readFunctions));
    }

    private Future<SenseEnvelope> exchange(HttpMethod method, String path, SenseMessage body) {
        return authorized(method, path, body == null ? null : CODEC.encode(body), true)
                .map(reply -> TerminalAnswers.accepted(method + " " + path, reply));
    }

    /** Sends with the current credentials; a refused token is replaced and the request sent once more. */
    private Future<DeviceHttp.Reply> authorized(HttpMethod method, String path, byte[] body, boolean mayRetry) {
        String what = method + " " + path;
        return login.authorization().compose(auth -> send(method, path, body, auth).compose(reply -> {
            if (!refusedCredentials(reply)) {
                return Future.succeededFuture(reply);
            }
            if (login.refused(auth) && mayRetry) {
                return authorized(method, path, body, false);
            }
            return Future.failedFuture(new DeviceException(DeviceState.UNAUTHORIZED,
                    what + ": the terminal refuses the credentials"));
        }));
    }

    private static boolean refusedCredentials(DeviceHttp.Reply reply) {
        if (reply.status() == 401) {
            return true;
        }
        try {
            return TerminalAnswers.envelope(reply.body().getBytes()).code() == 401;
        } catch (DecodeException e) {
            return false;
        }
    }

    private Future<DeviceHttp.Reply> send(HttpMethod method, String path, byte[] body, String authorization) {
        if (http == null) {
            http = new DeviceHttp(loop.vertx(), endpoint, tls, settings);
        }
        return http.send(method, path, body, authorization, !DOOR.equals(path))
                .recover(e -> Future.failedFuture(Failures.classify(e, method + " " + path, tls.pin())))
                .onSuccess(reply -> {
                    String sn = reply.headers().get("sn");
                    if (sn != null && !sn.isBlank()) {
                        serialHeader = sn;
                        modelHeader = reply.headers().get("model");
                    }
                });
    }

    /**
     * The fields of {@code changes} whose value differs from {@code current}, or {@code null} when none does.
     * Compared as JSON, so that unknown settings a newer firmware has are handled like the documented ones.
     */
    static DeviceFunctions delta(DeviceFunctions current, DeviceFunctions changes) {
        ObjectNode have = current.toJson();
        ObjectNode delta = Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = changes.toJson().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().equals(have.get(field.getKey()))) {
                delta.set(field.getKey(), field.getValue());
            }
        }
        if (delta.isEmpty()) {
            return null;
        }
        try {
            return SenseDecoder.readFunctions(FieldReader.root(delta, new Notes()));
        } catch (DecodeException e) {
            throw new IllegalStateException("the protocol library cannot read its own settings: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode data, String field, String fallback) {
        JsonNode value = data == null ? null : data.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? fallback : value.asText();
    }
}
