package io.gatehouse.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.protocol.json.Json;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Plays the hub in tests: a plain Vert.x server on 127.0.0.1 that receives record pushes on {@code /push},
 * remote-authorization requests on {@code POST /auth} and heartbeats on {@code GET /auth}, keeps what it got
 * in arrival order, and answers with text written from the documents (not with the protocol library).
 */
public final class TestReceiver implements AutoCloseable {
    /** How the receiver treats a push or an authorization request. */
    public enum Mode { ANSWER, FAIL_500, CODE_NOT_200, SILENT }

    /** The receiver answer of seeds 000/001 with an empty data object: record taken, no door, no tip. */
    public static final String PUSH_TAKEN = "{\"code\":200,\"message\":\"success\",\"data\":{}}";

    private final Vertx vertx;
    private final HttpServer server;
    public final List<Received> pushes = new CopyOnWriteArrayList<>();
    public final List<Received> authRequests = new CopyOnWriteArrayList<>();
    public final List<Received> heartbeats = new CopyOnWriteArrayList<>();
    public volatile Mode pushMode = Mode.ANSWER;
    public volatile String pushAnswer = PUSH_TAKEN;
    public volatile Mode authMode = Mode.ANSWER;
    public volatile String authAnswer = "{\"code\":200,\"msg\":\"OK\",\"data\":{\"pass\":true,\"customtips\":\"Welcome\"}}";
    public volatile int heartbeatStatus = 200;

    /** One request as it arrived. */
    public record Received(String method, String path, io.vertx.core.MultiMap headers, byte[] body) {
        public JsonNode json() {
            try {
                return Json.standard().parse(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + new String(body, java.nio.charset.StandardCharsets.UTF_8), e);
            }
        }
    }

    public TestReceiver(Vertx vertx) {
        this.vertx = vertx;
        this.server = Await.result(vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(this::handle).listen());
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            // The mode is read before the request is listed: a test that clears a list and then switches the mode
            // sees every request answered in the new mode, never one listed before the clear but answered after.
            Mode push = pushMode;
            Mode auth = authMode;
            Received received = new Received(request.method().name(), request.path(), request.headers(), body.getBytes());
            if (request.path().startsWith("/auth") && "GET".equals(received.method())) {
                heartbeats.add(received);
                request.response().setStatusCode(heartbeatStatus).end();
            } else if (request.path().startsWith("/auth")) {
                authRequests.add(received);
                answer(request, auth, authAnswer);
            } else {
                pushes.add(received);
                answer(request, push, pushAnswer);
            }
        });
    }

    private static void answer(HttpServerRequest request, Mode mode, String body) {
        switch (mode) {
            case ANSWER -> request.response().putHeader("content-type", "application/json").end(Buffer.buffer(body));
            case FAIL_500 -> request.response().setStatusCode(500).end("{\"code\":500,\"msg\":\"busy\",\"data\":null}");
            case CODE_NOT_200 -> request.response().end("{\"code\":500,\"message\":\"database down\",\"data\":{}}");
            case SILENT -> { }
        }
    }

    public int port() {
        return server.actualPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** The {@code data.uuid} of every push received so far, in arrival order. */
    public List<String> pushedUuids() {
        return pushes.stream().map(r -> r.json().path("data").path("uuid").asText()).toList();
    }

    @Override
    public void close() {
        Await.result(server.close());
    }

    public Vertx vertx() {
        return vertx;
    }
}
