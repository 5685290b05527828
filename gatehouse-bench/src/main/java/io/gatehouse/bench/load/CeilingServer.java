package io.gatehouse.bench.load;

import io.gatehouse.server.HttpLoops;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ceiling every Gatehouse figure is compared with: a server on the same toolkit (Vert.x) that reads the
 * whole request body and returns the same small answer Gatehouse would, without decoding, deciding or
 * storing anything. What Gatehouse reaches as a fraction of this server's rate, measured minutes apart on
 * the same machine, is the honest figure on a shared machine whose absolute speed drifts. Like the hub, it
 * serves from one server per core, all on one port.
 */
public final class CeilingServer implements AutoCloseable {
    static final Buffer PUSH_ANSWER = Buffer.buffer("{\"code\":200,\"message\":\"success\",\"data\":{\"pass\":true}}");
    static final Buffer AUTH_ANSWER = Buffer.buffer(
            "{\"code\":200,\"msg\":\"OK\",\"data\":{\"pass\":true,\"customtips\":\"Welcome\",\"verify_code\":2}}");

    private final Vertx vertx;
    private final int port;

    private CeilingServer(Vertx vertx, int port) {
        this.vertx = vertx;
        this.port = port;
    }

    /** Listens on {@code host:port} (port 0 picks one); answers POSTs to paths containing "auth" like a decision. */
    public static CeilingServer start(String host, int port) throws Exception {
        Vertx vertx = Vertx.vertx();
        List<HttpServer> servers = HttpLoops.listen(vertx, new HttpServerOptions(), host, port, 0,
                request -> request.body().onComplete(body -> {
                    Buffer answer = request.path().contains("auth") ? AUTH_ANSWER : PUSH_ANSWER;
                    request.response().putHeader("Content-Type", "application/json").end(answer);
                }));
        return new CeilingServer(vertx, servers.get(0).actualPort());
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
