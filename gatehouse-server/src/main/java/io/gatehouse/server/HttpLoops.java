package io.gatehouse.server;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP server per event loop, all on one port: Vert.x hands each new connection to the next of them, so reading
 * and decoding bodies and answering doors spread over the cores instead of queueing on one thread. The hub serves
 * this way, and so does the load driver's ceiling, so that the two are compared on the same footing.
 */
public final class HttpLoops {
    private static final int ATTEMPTS = 3;

    private HttpLoops() {
    }

    /** Listens with {@code loops} servers (0: one per core) on {@code host:port}; port 0 picks a free port. */
    public static List<HttpServer> listen(Vertx vertx, HttpServerOptions options, String host, int port, int loops,
                                          Handler<HttpServerRequest> handler) throws Exception {
        int instances = loops > 0 ? loops : Runtime.getRuntime().availableProcessors();
        for (int attempt = 1; ; attempt++) {
            // Vert.x shares a port between servers that ask for the same number, so port 0 becomes a free one first;
            // should another process take it meanwhile, another is tried
            int chosen = port != 0 ? port : freePort(host);
            List<HttpServer> servers = new CopyOnWriteArrayList<>();
            try {
                await(vertx.deployVerticle(() -> new Loop(options, host, chosen, handler, servers),
                        new DeploymentOptions().setInstances(instances)));
                return List.copyOf(servers);
            } catch (ExecutionException e) {
                if (port != 0 || !(e.getCause() instanceof BindException) || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static int freePort(String host) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        }
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** One server, on the event loop of its own verticle instance. */
    private static final class Loop extends VerticleBase {
        private final HttpServerOptions options;
        private final String host;
        private final int port;
        private final Handler<HttpServerRequest> handler;
        private final List<HttpServer> servers;

        Loop(HttpServerOptions options, String host, int port, Handler<HttpServerRequest> handler,
             List<HttpServer> servers) {
            this.options = options;
            this.host = host;
            this.port = port;
            this.handler = handler;
            this.servers = servers;
        }

        @Override
        public Future<?> start() {
            return vertx.createHttpServer(options).requestHandler(handler).listen(port, host).onSuccess(servers::add);
        }
    }
}
