package io.gatehouse.server.access.api;

import io.gatehouse.core.policy.authorize.CurrentDirectory;
import io.gatehouse.core.policy.authorize.RemoteAuthorizer;
import io.gatehouse.server.access.decisions.DecisionLogWriter;
import io.gatehouse.server.access.decisions.DecisionQuery;
import io.gatehouse.server.access.directory.DirectoryEditor;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.concurrent.Executor;

/** The access-control admin API: a sub-router for {@code /api/access/*} (the admin token is checked before it). */
public final class AccessApi {
    /** Room for a bulk import of a large directory. */
    public static final long MAX_BODY_BYTES = 32L << 20;

    private AccessApi() {
    }

    public static Router router(Vertx vertx, CurrentDirectory current, DirectoryEditor editor, RemoteAuthorizer authorizer,
                                DecisionQuery query, DecisionLogWriter writer, Executor blocking) {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        // fixed paths first: "/decisions" must not be read as a kind of entry
        new DecisionRoutes(query, authorizer, current, writer, blocking).mount(router);
        new TipRoutes(current, editor).mount(router);
        new DirectoryRoutes(current, editor).mount(router);
        router.errorHandler(413, ctx -> Replies.error(ctx, 413, "body", "larger than " + (MAX_BODY_BYTES >> 20) + " MiB"));
        router.route().last().handler(ctx -> Replies.error(ctx, 404, "path", "no such access API resource"));
        return router;
    }
}
