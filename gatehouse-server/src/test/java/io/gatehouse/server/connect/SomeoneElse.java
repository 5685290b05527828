package io.gatehouse.server.connect;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.Json;
import io.gatehouse.simulator.terminal.Terminal;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * Somebody else at the same terminal (an installer's laptop, another integration): changes its settings behind the
 * hub's back and takes WebSocket slots. Talks to the terminal with Basic authentication and its own plain Vert.x
 * clients, never through the code under test. Blocking, for test threads; requests start on a Vert.x context.
 */
public final class SomeoneElse implements AutoCloseable {
    private final Terminal terminal;
    private final Context context;
    private final WebClient http;
    private final WebSocketClient webSockets;

    public SomeoneElse(Vertx vertx, Terminal terminal) {
        this.terminal = terminal;
        this.context = vertx.getOrCreateContext();
        this.http = WebClient.create(vertx, new WebClientOptions().setTrustAll(true).setVerifyHost(false));
        this.webSockets = vertx.createWebSocketClient(new WebSocketClientOptions().setTrustAll(true).setVerifyHost(false)
                .setSsl(terminal.baseUrl().startsWith("https")));
    }

    public JsonNode functions() {
        return data(HttpMethod.GET, "/v1/device/functions", null);
    }

    void setFunctions(String json) {
        data(HttpMethod.POST, "/v1/device/functions", json);
    }

    public JsonNode subscription() {
        return data(HttpMethod.GET, "/v1/event/subscribe", null);
    }

    void subscribe(String json) {
        data(HttpMethod.POST, "/v1/event/subscribe", json);
    }

    /** Takes one of the terminal's WebSocket slots. */
    WebSocket openWebSocket() {
        return Blocking.await(onContext(() -> webSockets.connect(new WebSocketConnectOptions()
                .setHost(terminal.address()).setPort(terminal.port()).setURI("/v1/event")
                .putHeader("Authorization", basic()))));
    }

    /** The upgrade's failure, when the terminal refuses this client. */
    Throwable refusedWebSocket() {
        return Blocking.failure(onContext(() -> webSockets.connect(new WebSocketConnectOptions()
                .setHost(terminal.address()).setPort(terminal.port()).setURI("/v1/event")
                .putHeader("Authorization", basic()))));
    }

    private JsonNode data(HttpMethod method, String path, String body) {
        Buffer answer = Blocking.await(onContext(() -> {
            HttpRequest<Buffer> request = http.requestAbs(method, terminal.baseUrl() + path).putHeader("Authorization", basic());
            return (body == null ? request.send() : request.sendBuffer(Buffer.buffer(body))).map(r -> r.body());
        }));
        try {
            JsonNode envelope = Json.standard().parse(answer.getBytes());
            if (envelope.path("code").asInt() != 200) {
                throw new AssertionError(method + " " + path + " refused: " + envelope);
            }
            return envelope.path("data");
        } catch (DecodeException e) {
            throw new AssertionError(e);
        }
    }

    private <T> Future<T> onContext(Supplier<Future<T>> action) {
        Promise<T> result = Promise.promise();
        context.runOnContext(v -> action.get().onComplete(result));
        return result.future();
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((terminal.username() + ":" + terminal.password())
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        Blocking.await(onContext(() -> {
            http.close();
            return webSockets.close();
        }));
    }
}
