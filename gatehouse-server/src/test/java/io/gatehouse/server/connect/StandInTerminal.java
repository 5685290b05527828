package io.gatehouse.server.connect;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A device the emulator does not play: a terminal from before the login endpoint, or one that answers garbage.
 * Plain HTTP on a free loopback port; each path answers as the test says, anything else 404 in the envelope.
 */
final class StandInTerminal implements AutoCloseable {
    private final Map<String, Handler<HttpServerRequest>> routes = new ConcurrentHashMap<>();
    private final HttpServer server;

    StandInTerminal(Vertx vertx) {
        Context context = vertx.getOrCreateContext();
        Promise<HttpServer> started = Promise.promise();
        HttpServer[] holder = new HttpServer[1];
        context.runOnContext(v -> {
            holder[0] = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                    .requestHandler(request -> routes.getOrDefault(request.path(), StandInTerminal::notFound).handle(request));
            holder[0].listen().onComplete(started);
        });
        this.server = Blocking.await(started.future());
    }

    StandInTerminal on(String path, Handler<HttpServerRequest> handler) {
        routes.put(path, handler);
        return this;
    }

    /** Answers {@code body} as JSON with HTTP 200. */
    StandInTerminal answer(String path, String body) {
        return on(path, request -> request.response().putHeader("content-type", "application/json").end(body));
    }

    int port() {
        return server.actualPort();
    }

    DeviceEndpoint endpoint(String password) {
        return new DeviceEndpoint("stand-in", "127.0.0.1", port(), false, "admin", password, null);
    }

    private static void notFound(HttpServerRequest request) {
        request.response().setStatusCode(404).putHeader("content-type", "application/json")
                .end("{\"code\":404,\"msg\":\"Not Found\",\"data\":null}");
    }

    @Override
    public void close() {
        Blocking.await(server.close());
    }
}
