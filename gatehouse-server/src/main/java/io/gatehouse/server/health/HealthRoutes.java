package io.gatehouse.server.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The endpoints orchestrators and monitoring poll, without a token: {@code /health/live} (the process answers),
 * {@code /health/ready} (every {@link ReadinessCheck} passes; 503 with the reasons otherwise) and {@code /metrics}
 * (Prometheus text format of the hub's registry).
 */
public final class HealthRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private HealthRoutes() {
    }

    public static void mount(Router router, List<ReadinessCheck> checks, PrometheusMeterRegistry metrics) {
        router.get("/health/live").handler(ctx -> status(ctx, 200, "up", List.of()));
        router.get("/health/ready").handler(ctx -> ready(ctx, checks));
        router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader("Content-Type", PROMETHEUS_TEXT)
                .end(metrics.scrape()));
    }

    private static void ready(RoutingContext ctx, List<ReadinessCheck> checks) {
        List<CompletableFuture<List<String>>> answers = new ArrayList<>();
        for (ReadinessCheck check : checks) {
            answers.add(check.problems().toCompletableFuture());
        }
        CompletableFuture<List<String>> all = CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenApply(v -> {
                    List<String> problems = new ArrayList<>();
                    answers.forEach(a -> problems.addAll(a.join()));
                    return problems;
                });
        Future.fromCompletionStage(all, ctx.vertx().getOrCreateContext()).onComplete(result -> {
            if (result.failed()) {
                status(ctx, 503, "not ready", List.of("a readiness check failed: " + result.cause().getMessage()));
            } else if (result.result().isEmpty()) {
                status(ctx, 200, "ready", List.of());
            } else {
                status(ctx, 503, "not ready", result.result());
            }
        });
    }

    private static void status(RoutingContext ctx, int code, String status, List<String> problems) {
        ObjectNode body = JSON.createObjectNode();
        body.put("status", status);
        if (!problems.isEmpty()) {
            ArrayNode list = body.putArray("problems");
            problems.forEach(list::add);
        }
        ctx.response().setStatusCode(code)
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(body.toString());
    }
}
