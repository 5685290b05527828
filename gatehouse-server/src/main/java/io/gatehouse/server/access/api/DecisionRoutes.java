package io.gatehouse.server.access.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.core.policy.authorize.AuthorizerHealth;
import io.gatehouse.core.policy.authorize.CurrentDirectory;
import io.gatehouse.core.policy.authorize.RemoteAuthorizer;
import io.gatehouse.core.policy.directory.Directory;
import io.gatehouse.core.policy.directory.KindNames;
import io.gatehouse.protocol.json.Json;
import io.gatehouse.server.access.decisions.DecisionFilter;
import io.gatehouse.server.access.decisions.DecisionLogWriter;
import io.gatehouse.server.access.decisions.DecisionQuery;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@code GET /api/access/decisions} queries the decision log; {@code GET /api/access/health} says whether the
 * hub can decide, with the directory's size and the decision log's backlog.
 */
final class DecisionRoutes {
    private final DecisionQuery query;
    private final RemoteAuthorizer authorizer;
    private final CurrentDirectory current;
    private final DecisionLogWriter writer;
    private final Executor blocking;

    DecisionRoutes(DecisionQuery query, RemoteAuthorizer authorizer,
                   CurrentDirectory current, DecisionLogWriter writer,
                   Executor blocking) {
        this.query = query;
        this.authorizer = authorizer;
        this.current = current;
        this.writer = writer;
        this.blocking = blocking;
    }

    void mount(Router r) {
        r.get("/decisions").handler(this::decisions);
        r.get("/health").handler(this::health);
    }

    private void decisions(RoutingContext ctx) {
        DirectoryRoutes.guarded(ctx, () -> {
            DecisionFilter filter = DecisionFilter.parse(ctx.queryParams().names(), ctx.request()::getParam);
            Replies.when(ctx, CompletableFuture.supplyAsync(() -> {
                try {
                    return query.find(filter);
                } catch (SQLException e) {
                    throw new IllegalStateException("the decision log cannot be read: " + e.getMessage(), e);
                }
            }, blocking), page -> Replies.json(ctx, 200, page));
        });
    }

    private void health(RoutingContext ctx) {
        AuthorizerHealth health = authorizer.health();
        ObjectNode body = Json.object();
        body.put("canDecide", health.canDecide()).put("reason", health.reason());
        body.put("budgetMillis", authorizer.settings().budget().toMillis());
        Directory directory = current.lastKnown();
        if (directory != null) {
            ObjectNode counts = body.putObject("directory");
            Directory.KINDS.forEach(kind -> counts.put(KindNames.plural(kind), directory.count(kind)));
        }
        body.putObject("decisionLog").put("written", writer.written()).put("queued", writer.queued())
                .put("dropped", writer.dropped());
        Replies.json(ctx, health.canDecide() ? 200 : 503, body);
    }
}
