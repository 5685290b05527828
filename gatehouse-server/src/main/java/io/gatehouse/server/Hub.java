package io.gatehouse.server;

import io.gatehouse.server.access.AccessControl;
import io.gatehouse.server.auth.AdminAuth;
import io.gatehouse.server.db.Database;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running hub: one Vert.x instance, one HTTP server for the device receivers, the API and the console.
 * Each feature package mounts its routes here, one line each, so that the wiring of the whole hub reads
 * top to bottom in {@link #start}.
 */
public final class Hub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);

    private final Vertx vertx;
    private final HttpServer server;
    private final HubConfig config;

    private Hub(Vertx vertx, HttpServer server, HubConfig config) {
        this.vertx = vertx;
        this.server = server;
        this.config = config;
    }

    /** Starts the hub and returns once it listens; throws when it cannot (port taken, data dir unusable). */
    public static Hub start(HubConfig config) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            Database database = Database.open(config.dataDir());
            AdminAuth adminAuth = AdminAuth.load(config.dataDir(), config.adminToken());

            Router router = Router.router(vertx);
            router.get("/health/live").handler(ctx -> ctx.response().end("ok"));
            router.route("/api/*").handler(adminAuth);
            AccessControl access = AccessControl.mount(vertx, router, database, metrics);

            HttpServer server = vertx.createHttpServer(new HttpServerOptions())
                    .requestHandler(router)
                    .listen(config.port(), config.bindHost())
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            LOG.info("Gatehouse hub listening on {}:{}", config.bindHost(), server.actualPort());
            return new Hub(vertx, server, config);
        } catch (Exception e) {
            vertx.close();
            throw e;
        }
    }

    /** The port the hub listens on (the chosen one when the configuration said 0). */
    public int port() {
        return server.actualPort();
    }

    public HubConfig config() {
        return config;
    }

    public Vertx vertx() {
        return vertx;
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
