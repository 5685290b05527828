package io.gatehouse.server.ingest.link;

import io.gatehouse.server.api.ApiResponses;
import io.gatehouse.server.api.BadParameter;
import io.gatehouse.server.api.QueryParams;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * {@code GET /api/authorizations}: each remote authorization as asked → answered → door, newest first. Filters:
 * {@code serial}, {@code person}, {@code pass}, {@code linked}, {@code from}, {@code until} (decision time),
 * {@code before} (paging), {@code limit}.
 */
public final class AuthorizationRoutes {
    private static final Set<String> PARAMETERS = Set.of("serial", "person", "pass", "linked", "from", "until",
            "before", "limit");

    private AuthorizationRoutes() {
    }

    public static void mount(Router router, Vertx vertx, AuthorizationQuery query) {
        router.get("/api/authorizations").handler(ctx -> find(ctx, vertx, query));
    }

    private static void find(RoutingContext ctx, Vertx vertx, AuthorizationQuery query) {
        AuthorizationQuery.Filter filter;
        try {
            QueryParams p = QueryParams.of(ctx, PARAMETERS);
            String before = p.text("before");
            Integer limit = p.integer("limit", 1, 500);
            filter = new AuthorizationQuery.Filter(p.text("serial"), p.text("person"), p.bool("pass"),
                    p.bool("linked"), p.instant("from"), p.instant("until"),
                    before == null ? null : QueryParams.seq("before", before), limit == null ? 50 : limit);
        } catch (BadParameter e) {
            ApiResponses.badParameter(ctx, e);
            return;
        }
        vertx.executeBlocking(() -> query.find(filter), false).onComplete(done -> {
            if (done.succeeded()) {
                ApiResponses.json(ctx, 200, done.result());
            } else {
                ApiResponses.failed(ctx, done.cause());
            }
        });
    }
}
