package io.gatehouse.server;

import io.gatehouse.core.store.EventReader;
import io.gatehouse.core.store.EventStore;
import io.gatehouse.server.access.AccessConfig;
import io.gatehouse.server.access.AccessControl;
import io.gatehouse.server.access.decisions.DecisionRetention;
import io.gatehouse.server.api.ApiResponses;
import io.gatehouse.server.api.EventRoutes;
import io.gatehouse.server.api.OpenApiDocument;
import io.gatehouse.server.auth.AdminAuth;
import io.gatehouse.server.console.Console;
import io.gatehouse.server.db.Database;
import io.gatehouse.server.device.Devices;
import io.gatehouse.server.forward.Forwarding;
import io.gatehouse.server.health.HealthRoutes;
import io.gatehouse.server.health.ReadinessCheck;
import io.gatehouse.server.ingest.auth.RemoteAuthReceiver;
import io.gatehouse.server.store.EventStorage;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running hub: one Vert.x instance, one HTTP port for the device receivers, the API and the console, served
 * by one server per event loop.
 * Each feature package mounts its routes here, one line each, so that the wiring of the whole hub reads
 * top to bottom in {@link #start}.
 */
public final class Hub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);

    private final Vertx vertx;
    private final List<HttpServer> servers;
    private final HubConfig config;
    private final Router router;
    private final EventStorage storage;
    private final Devices devices;
    private final Forwarding forwarding;
    private final DecisionRetention decisionRetention;
    private final PrometheusMeterRegistry metrics;
    private final JvmGcMetrics gcMetrics;

    private Hub(Vertx vertx, List<HttpServer> servers, HubConfig config, Router router, EventStorage storage,
                Devices devices, Forwarding forwarding, DecisionRetention decisionRetention,
                PrometheusMeterRegistry metrics, JvmGcMetrics gcMetrics) {
        this.vertx = vertx;
        this.servers = servers;
        this.config = config;
        this.router = router;
        this.storage = storage;
        this.devices = devices;
        this.forwarding = forwarding;
        this.decisionRetention = decisionRetention;
        this.metrics = metrics;
        this.gcMetrics = gcMetrics;
    }

    /** Starts the hub and returns once it listens; throws when it cannot (port taken, data dir unusable). */
    public static Hub start(HubConfig config) throws Exception {
        Vertx vertx = Vertx.vertx();
        EventStorage storage = null;
        Devices devices = null;
        Forwarding forwarding = null;
        DecisionRetention decisionRetention = null;
        PrometheusMeterRegistry metrics = newRegistry();
        // collections and their pauses, which a door's answer waits out; it listens to the JVM until closed
        JvmGcMetrics gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(metrics);
        try {
            Database database = Database.open(config.dataDir(), config.decisionLogDir());
            AdminAuth adminAuth = AdminAuth.load(config.dataDir(), config.adminToken());
            storage = EventStorage.open(database, config.dataDir(), config.store(), config.retention(), metrics);
            List<ReadinessCheck> readiness = new ArrayList<>();
            readiness.add(storage::problems);
            String openApi = OpenApiDocument.assemble(Hub.class.getClassLoader()).toString();

            Router router = Router.router(vertx);
            HealthRoutes.mount(router, readiness, metrics);
            router.get("/openapi.json").handler(ctx -> ctx.response()
                    .putHeader("Content-Type", "application/json").end(openApi));
            router.route("/api/*").handler(adminAuth);
            EventRoutes.mount(router, storage.reader());
            AccessControl access = AccessControl.mount(vertx, router, database, metrics,
                    AccessConfig.fromEnvironment(System.getenv()).withAnswer(config.ingest().authAnswer()));
            readiness.add(RemoteAuthReceiver.readiness(access.authorizer()));
            decisionRetention = DecisionRetention.start(database, config.retention().decisionMaxAge(),
                    config.retention().interval(), config.retention().batch(), metrics);
            devices = Devices.mount(vertx, router, database, config, storage.store(), access.authorizer(), metrics);
            forwarding = Forwarding.mount(vertx, router, database, config.dataDir(), storage.reader(), metrics);
            Console.mount(router);
            router.errorHandler(400, ApiResponses::malformed);
            router.errorHandler(404, ctx -> ApiResponses.error(ctx, 404, "not_found", null,
                    "no such endpoint; see /openapi.json"));
            router.errorHandler(405, ctx -> ApiResponses.error(ctx, 405, "method_not_allowed", null,
                    "this endpoint does not take " + ctx.request().method() + "; see /openapi.json"));
            router.errorHandler(500, ctx -> ApiResponses.failed(ctx, ctx.failure()));

            // no h2c upgrade: devices speak HTTP/1.1, and the upgrade path has hung clients (the JDK's among them)
            List<HttpServer> servers = HttpLoops.listen(vertx, new HttpServerOptions().setHttp2ClearTextEnabled(false),
                    config.bindHost(), config.port(), config.httpLoops(), router);
            int port = servers.get(0).actualPort();
            LOG.info("Gatehouse hub listening on {}:{} ({} event loops), data in {}", config.bindHost(), port,
                    servers.size(), config.dataDir().toAbsolutePath());
            devices.listening(port);
            return new Hub(vertx, servers, config, router, storage, devices, forwarding, decisionRetention, metrics,
                    gcMetrics);
        } catch (Exception e) {
            if (decisionRetention != null) {
                decisionRetention.close();
            }
            if (forwarding != null) {
                forwarding.close();
            }
            if (devices != null) {
                devices.close();
            }
            if (storage != null) {
                storage.close();
            }
            gcMetrics.close();
            vertx.close();
            throw e;
        }
    }

    private static PrometheusMeterRegistry newRegistry() {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);
        return metrics;
    }

    /** The port the hub listens on (the chosen one when the configuration said 0). */
    public int port() {
        return servers.get(0).actualPort();
    }

    /** How many event loops serve HTTP: the configured number, or one per core. */
    public int httpLoops() {
        return servers.size();
    }

    public HubConfig config() {
        return config;
    }

    public Vertx vertx() {
        return vertx;
    }

    /** Where receivers append events. */
    public EventStore events() {
        return storage.store();
    }

    /** Queries, images and the commit signal of the store. */
    public EventReader eventReader() {
        return storage.reader();
    }

    /** The registered devices, their receivers and the ingestion pipeline. */
    public Devices devices() {
        return devices;
    }

    public PrometheusMeterRegistry metrics() {
        return metrics;
    }

    /** Every route mounted on the hub's router, in order (the OpenAPI coverage test reads them). */
    public List<Route> routes() {
        return router.getRoutes();
    }

    /** Stops taking requests, commits every accepted event, then stops Vert.x. */
    @Override
    public void close() throws Exception {
        try {
            HttpLoops.await(Future.all(servers.stream().map(HttpServer::close).toList()));
            devices.close();
            forwarding.close();
            decisionRetention.close();
            storage.close();
        } finally {
            gcMetrics.close();
            HttpLoops.await(vertx.close());
        }
        LOG.info("Gatehouse hub stopped; every event it accepted is committed");
    }
}
