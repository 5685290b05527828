package io.gatehouse.server.connect;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one Vert.x event loop a connector lives on. Its state is touched only there, so it needs no locks; its
 * HTTP and WebSocket clients are created and started there (a request started from a foreign thread can hang,
 * see the known pitfalls). A tiny verticle provides the loop, so that connectors spread over Vert.x's event
 * loops and whatever they leave behind is released when it is undeployed.
 */
final class ConnectorLoop {
    private final Vertx vertx;
    private final Future<Context> context;
    private final Future<String> deployment;

    private ConnectorLoop(Vertx vertx, Promise<Context> ready, Future<String> deployment) {
        this.vertx = vertx;
        this.context = ready.future();
        this.deployment = deployment;
    }

    static ConnectorLoop deploy(Vertx vertx) {
        Promise<Context> ready = Promise.promise();
        Future<String> deployment = vertx.deployVerticle(new VerticleBase() {
            @Override
            public Future<?> start() {
                ready.complete(context);
                return Future.succeededFuture();
            }
        });
        deployment.onFailure(ready::tryFail);
        return new ConnectorLoop(vertx, ready, deployment);
    }

    /** Deploys a loop and builds a connector on it; the loop goes again when the connector cannot be built. */
    static <T> T start(Vertx vertx, Function<ConnectorLoop, T> connector) {
        ConnectorLoop loop = deploy(vertx);
        try {
            return connector.apply(loop);
        } catch (RuntimeException e) {
            loop.close();
            throw e;
        }
    }

    Vertx vertx() {
        return vertx;
    }

    /**
     * Runs {@code action} on the loop. The result is handed back on the caller's context when the caller has one,
     * so that a caller's continuation never runs on the connector's thread.
     */
    <T> Future<T> call(Supplier<Future<T>> action) {
        Context caller = Vertx.currentContext();
        return context.compose(loop -> {
            if (caller == loop) {
                return safely(action);
            }
            Promise<T> result = Promise.promise();
            loop.runOnContext(v -> safely(action).onComplete(ar -> {
                if (caller == null) {
                    result.handle(ar);
                } else {
                    caller.runOnContext(w -> result.handle(ar));
                }
            }));
            return result.future();
        });
    }

    /** Runs {@code action} on the loop, now when already there. */
    void execute(Runnable action) {
        context.onSuccess(loop -> {
            if (Vertx.currentContext() == loop) {
                action.run();
            } else {
                loop.runOnContext(v -> action.run());
            }
        });
    }

    /** A one-shot timer on the loop; call on the loop. */
    long timer(long delayMillis, Runnable action) {
        return vertx.setTimer(Math.max(1, delayMillis), id -> action.run());
    }

    void cancel(long timerId) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** Undeploys the loop's verticle: timers and clients created on it are released with it. */
    Future<Void> close() {
        return deployment.compose(vertx::undeploy, e -> Future.succeededFuture());
    }

    private static <T> Future<T> safely(Supplier<Future<T>> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }
}
