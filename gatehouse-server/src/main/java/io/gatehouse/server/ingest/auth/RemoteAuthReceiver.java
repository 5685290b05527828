package io.gatehouse.server.ingest.auth;

import io.gatehouse.core.event.AccessEvent;
import io.gatehouse.core.policy.authorize.AuthorizerHealth;
import io.gatehouse.core.policy.authorize.RemoteAuthorizer;
import io.gatehouse.core.store.Channel;
import io.gatehouse.protocol.sense.ResultCode;
import io.gatehouse.protocol.sense.SenseEnvelope;
import io.gatehouse.server.ingest.DeviceAnswers;
import io.gatehouse.server.ingest.IngestMetrics;
import io.gatehouse.server.ingest.IngestPipeline;
import io.gatehouse.server.ingest.ReceiverRoute;
import io.gatehouse.server.ingest.Rejection;
import io.gatehouse.server.ingest.SenderDirectory;
import io.gatehouse.server.ingest.Source;
import io.gatehouse.server.ingest.link.PassageLinker;
import io.gatehouse.server.health.ReadinessCheck;
import io.vertx.core.Context;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * {@code /ingest/auth/{token}}, the address a terminal in {@code auth_mode} 1 is configured with.
 *
 * <ul>
 *   <li>{@code POST}: a {@link io.gatehouse.protocol.sense.RemoteAuthRequest}. The authorizer decides within its
 *       budget, counted from the moment the request arrived, and the terminal gets {@code {code, msg, data: {pass,
 *       customtips, ...}}}. With {@code ingest.auth-answer: durable} (the default) the answer goes out only once the
 *       decision log has committed the decision, still within the budget (else the fail-mode answers, recorded
 *       with the reason). The request is also stored as an {@code AUTHORIZATION_REQUEST} event; the door does not
 *       wait for that one: the decision record holds what the terminal asked.</li>
 *   <li>{@code GET}: the heartbeat the terminal sends every 30 s. 200 while the hub can decide, 503 with the reason
 *       otherwise, so that the terminal falls back to local authorization after its configured minutes.</li>
 * </ul>
 */
public final class RemoteAuthReceiver {
    public static final String PATH = "/ingest/auth/";

    private final IngestPipeline pipeline;
    private final RemoteAuthorizer authorizer;
    private final PassageLinker linker;
    private final Consumer<String> heartbeat;
    private final IngestMetrics metrics;

    private RemoteAuthReceiver(IngestPipeline pipeline, RemoteAuthorizer authorizer, PassageLinker linker,
                               Consumer<String> heartbeat, IngestMetrics metrics) {
        this.pipeline = pipeline;
        this.metrics = metrics;
        this.authorizer = authorizer;
        this.linker = linker;
        this.heartbeat = heartbeat;
    }

    public static void mount(Router router, SenderDirectory senders, IngestPipeline pipeline, IngestMetrics metrics,
                             int maxBodyBytes, RemoteAuthorizer authorizer, PassageLinker linker) {
        RemoteAuthReceiver receiver = new RemoteAuthReceiver(pipeline, authorizer, linker, senders::heartbeat,
                metrics);
        ReceiverRoute.mount(router, HttpMethod.POST, PATH + ":token", Channel.REMOTE_AUTH, senders::authSender,
                pipeline, metrics, maxBodyBytes, receiver::ask);
        ReceiverRoute.mount(router, HttpMethod.GET, PATH + ":token", Channel.REMOTE_AUTH, senders::authSender,
                pipeline, metrics, maxBodyBytes, receiver::heartbeat);
    }

    /** The hub is not ready while remote authorization cannot decide (the same signal as the heartbeat's). */
    public static ReadinessCheck readiness(RemoteAuthorizer authorizer) {
        return () -> {
            AuthorizerHealth health = authorizer.health();
            return CompletableFuture.completedFuture(health.canDecide() ? List.of()
                    : List.of("remote authorization cannot decide: " + health.reason()));
        };
    }

    private void ask(RoutingContext ctx) {
        IngestPipeline.Prepared request;
        try {
            request = pipeline.prepare(ReceiverRoute.source(ctx), Channel.REMOTE_AUTH, ReceiverRoute.body(ctx));
        } catch (Rejection.Refused e) {
            DeviceAnswers.refusal(ctx, e.rejection());
            return;
        }
        Context context = ctx.vertx().getOrCreateContext();
        linker.asked(request.event().source().deviceSerial());
        authorizer.authorize((AccessEvent) request.event(), ReceiverRoute.receivedNanos(ctx))
                .whenComplete((decision, error) -> context.runOnContext(v -> {
                    if (decision != null) {
                        DeviceAnswers.message(ctx, 200, decision.toAnswer());
                        metrics.answered(System.nanoTime() - ReceiverRoute.receivedNanos(ctx));
                    } else {
                        // authorize never fails by contract; should it, the door must still get an answer at once
                        DeviceAnswers.refusal(ctx, Rejection.storeFailed("the authorizer failed"));
                    }
                }));
        // kept for the record; refusals are counted and logged by the pipeline, the door has its answer regardless
        pipeline.store(request, ReceiverRoute.receivedAt(ctx), context);
    }

    private void heartbeat(RoutingContext ctx) {
        Source source = ReceiverRoute.source(ctx);
        heartbeat.accept(source.deviceId());
        linker.asked(source.serial());
        AuthorizerHealth health = authorizer.health();
        if (health.canDecide()) {
            DeviceAnswers.message(ctx, 200, SenseEnvelope.ok(null));
        } else {
            ctx.response().putHeader("Retry-After", "30");
            DeviceAnswers.message(ctx, 503, SenseEnvelope.error(ResultCode.INTERNAL_ERROR, health.reason()));
        }
    }
}
