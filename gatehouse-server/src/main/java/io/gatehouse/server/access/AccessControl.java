package io.gatehouse.server.access;

import io.gatehouse.core.policy.authorize.AuthorizerHealth;
import io.gatehouse.core.policy.authorize.CurrentDirectory;
import io.gatehouse.core.policy.authorize.RemoteAuthorizer;
import io.gatehouse.server.access.api.AccessApi;
import io.gatehouse.server.access.decisions.DecisionLogWriter;
import io.gatehouse.server.access.decisions.DecisionQuery;
import io.gatehouse.server.access.delegate.HttpDelegate;
import io.gatehouse.server.access.directory.DirectoryEditor;
import io.gatehouse.server.db.Database;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remote authorization in the hub: the directory (loaded from the database, edited through the API), the
 * authorizer that answers terminals within their budget, the decision log, and the admin API under
 * {@code /api/access}. {@link #mount} wires it all with one call from {@code Hub.start}; it stops with Vert.x.
 *
 * <p>A receiver of terminal requests plugs in with {@link #authorizer()}: normalize the request, call
 * {@code authorize(event, receivedNanos)}, answer with {@code decision.toAnswer()}. Heartbeat and readiness use
 * {@link #health()}.
 */
public final class AccessControl extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(AccessControl.class);

    private final CurrentDirectory directory;
    private final DirectoryEditor editor;
    private final DecisionLogWriter writer;
    private final HttpDelegate delegate;
    private final ScheduledExecutorService deadlines;
    private final ExecutorService queries;
    private final RemoteAuthorizer authorizer;

    private AccessControl(Vertx vertx, Database database, MeterRegistry metrics, AccessConfig config) {
        this.directory = new CurrentDirectory();
        this.editor = new DirectoryEditor(database, directory, config.screenLength());
        this.writer = new DecisionLogWriter(database, config.decisionQueue(), metrics);
        this.delegate = config.delegateUrl() == null ? null : new HttpDelegate(vertx, config.delegateUrl(),
                config.delegateTimeout(), config.delegateMaxFailures(), config.delegateResetAfter());
        this.deadlines = RemoteAuthorizer.deadlineTimer();
        this.queries = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "gatehouse-access-query");
            thread.setDaemon(true);
            return thread;
        });
        this.authorizer = new RemoteAuthorizer(directory, delegate, new DecisionMetrics(writer, metrics),
                Clock.systemUTC(), deadlines, config.authorizerSettings());
        Gauge.builder("gatehouse.access.can_decide", () -> authorizer.health().canDecide() ? 1 : 0)
                .description("1 while the hub can decide remote-authorization requests").register(metrics);
        Gauge.builder("gatehouse.access.decision_log.dropped", writer::dropped)
                .description("decisions the log could not keep (queue full or database error)").register(metrics);
    }

    /** Wires access control into the hub, with settings from {@code GATEHOUSE_ACCESS_*} environment variables. */
    public static AccessControl mount(Vertx vertx, Router router, Database database, MeterRegistry metrics)
            throws Exception {
        return mount(vertx, router, database, metrics, AccessConfig.fromEnvironment(System.getenv()));
    }

    /** Mount after the admin-token handler of {@code /api/*}: the routes rely on it. */
    public static AccessControl mount(Vertx vertx, Router router, Database database, MeterRegistry metrics,
                                      AccessConfig config) throws Exception {
        AccessControl access = new AccessControl(vertx, database, metrics, config);
        // the first load runs in the background: until it ends, decisions get the fail-mode within their budget
        access.editor.load();
        router.route("/api/access/*").subRouter(AccessApi.router(vertx, access.directory, access.editor,
                access.authorizer, new DecisionQuery(database), access.writer, access.queries));
        vertx.deployVerticle(access).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return access;
    }

    public RemoteAuthorizer authorizer() {
        return authorizer;
    }

    public AuthorizerHealth health() {
        return authorizer.health();
    }

    public CurrentDirectory directory() {
        return directory;
    }

    @Override
    public Future<?> stop() {
        return vertx.executeBlocking(() -> {
            if (delegate != null) {
                delegate.close();
            }
            editor.close();
            writer.close();
            deadlines.shutdownNow();
            queries.shutdownNow();
            LOG.info("access control stopped; {} decisions logged, {} dropped", writer.written(), writer.dropped());
            return null;
        });
    }
}
