package io.gatehouse.bench.load;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.util.concurrent.TimeUnit;

/**
 * The ceiling every Gatehouse figure is compared with: a server on the same toolkit (Vert.x) that reads the
 * whole request body and returns the same small answer Gatehouse would, without decoding, deciding or
 * storing anything. What Gatehouse reaches as a fraction of this server's rate, measured minutes apart on
 * the same machine, is the honest figure on a shared machine whose absolute speed drifts.
 */
public final class CeilingServer implements AutoCloseable {
    static final Buffer PUSH_ANSWER = Buffer.buffer("{\"code\":200,\"message\":\"success\",\"data\":{\"pass\":true}}");
    static final Buffer AUTH_ANSWER = Buffer.buffer(
            "{\"code\":200,\"msg\":\"OK\",\"data\":{\"pass\":true,\"customtips\":\"Welcome\",\"verify_code\":2}}");

    private final Vertx vertx;
    private final HttpServer server;

    private CeilingServer(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /** Listens on {@code host:port} (port 0 picks one); answers POSTs to paths containing "auth" like a decision. */
    public static CeilingServer start(String host, int port) throws Exception {
        Vertx vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer()
                .requestHandler(request -> request.body().onComplete(body -> {
                    Buffer answer = request.path().contains("auth") ? AUTH_ANSWER : PUSH_ANSWER;
                    request.response().putHeader("Content-Type", "application/json").end(answer);
                }))
                .listen(port, host)
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return new CeilingServer(vertx, server);
    }

    public int port() {
        return server.actualPort();
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
