package io.gatehouse.simulator.device;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;

/**
 * The base of every emulated device: a verticle, so that Vert.x gives each device one event loop of the shared
 * pool and its state needs no locks. Calls from other threads hop onto that loop with {@link #onLoop}.
 */
public abstract class DeviceVerticle extends VerticleBase implements SimulatedDevice {
    protected final DeviceCounters counters = new DeviceCounters();
    private volatile NetworkCondition network = NetworkCondition.UP;

    @Override
    public NetworkCondition network() {
        return network;
    }

    @Override
    public Future<Void> setNetwork(NetworkCondition condition) {
        return onLoop(() -> {
            NetworkCondition before = network;
            network = condition;
            return applyNetwork(before, condition);
        });
    }

    /** Closes or reopens the device's servers when the network goes down or comes back. */
    protected abstract Future<Void> applyNetwork(NetworkCondition before, NetworkCondition after);

    /** Runs {@code action} on the device's event loop; an exception becomes a failed future. */
    protected <T> Future<T> onLoop(Supplier<Future<T>> action) {
        if (context == null) {
            return Future.failedFuture("the device is not started");
        }
        if (Vertx.currentContext() == context) {
            return safely(action);
        }
        Promise<T> promise = Promise.promise();
        context.runOnContext(v -> safely(action).onComplete(promise));
        return promise.future();
    }

    private static <T> Future<T> safely(Supplier<Future<T>> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    /** A router handler that holds every request back while the network is slow. */
    protected Handler<RoutingContext> slowLink() {
        return ctx -> {
            long delay = network.delayMillis();
            if (delay > 0) {
                vertx.setTimer(delay, id -> ctx.next());
            } else {
                ctx.next();
            }
        };
    }
}
