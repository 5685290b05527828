package io.gatehouse.server.forward;

import io.gatehouse.core.store.EventFilter;
import io.gatehouse.core.store.EventReader;
import io.gatehouse.core.store.PageRequest;
import io.gatehouse.server.api.ApiRefusal;
import io.gatehouse.server.db.Database;
import io.gatehouse.server.device.DeviceSecrets;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's forwarding targets: loads them at start, runs one {@link TargetForwarder} each, and applies the API's
 * changes. Changes are applied one at a time; a changed target's forwarder is stopped (its cursor saved) and a new
 * one started from that cursor, so a change never loses nor repeats an acknowledged event.
 */
public final class Forwarding implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Forwarding.class);

    private final Vertx vertx;
    private final ForwardTable table;
    private final EventReader reader;
    private final WebClient client;
    private final ForwardSettings settings;
    private final ForwardMetrics metrics;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private Future<?> tail = Future.succeededFuture();

    private record Running(TargetForwarder forwarder, AutoCloseable lagGauge) {
    }

    private Forwarding(Vertx vertx, ForwardTable table, EventReader reader, ForwardSettings settings,
                       MeterRegistry registry) {
        this.vertx = vertx;
        this.table = table;
        this.reader = reader;
        this.settings = settings;
        this.metrics = new ForwardMetrics(registry);
        this.client = WebClient.create(vertx, new WebClientOptions().setUserAgent("Gatehouse-Forwarder")
                .setConnectTimeout((int) settings.requestTimeout().toMillis()));
    }

    /** Starts every stored target and mounts {@code /api/forwarding} (after the admin-token handler). */
    public static Forwarding mount(Vertx vertx, Router router, Database database, Path dataDir, EventReader reader,
                                   MeterRegistry registry) throws Exception {
        Forwarding forwarding = new Forwarding(vertx, new ForwardTable(database, DeviceSecrets.open(dataDir)), reader,
                ForwardSettings.DEFAULTS, registry);
        for (ForwardTarget target : forwarding.table.all()) {
            forwarding.start(target);
        }
        ForwardRoutes.mount(router, forwarding);
        return forwarding;
    }

    List<TargetForwarder> all() {
        return running.values().stream().map(Running::forwarder)
                .sorted(Comparator.comparing(f -> f.target().id())).toList();
    }

    Optional<TargetForwarder> get(String id) {
        return Optional.ofNullable(running.get(id)).map(Running::forwarder);
    }

    /** Adds a target whose cursor is {@code startAtNewest} the newest stored event, else 0 (everything stored). */
    Future<TargetForwarder> add(ForwardTarget target, boolean startAtNewest) {
        return serially(() -> {
            if (running.containsKey(target.id())) {
                return Future.failedFuture(new ApiRefusal(409, "id",
                        "a forwarding target '" + target.id() + "' exists"));
            }
            Future<Long> start = startAtNewest ? newestSeq() : Future.succeededFuture(0L);
            return start.compose(cursor -> saved(target.withCursor(cursor)));
        });
    }

    /**
     * Stops the target, applies {@code change} to it (with its latest cursor), saves and restarts it. A change that
     * is refused (it throws) or cannot be saved leaves the target as it was, running again.
     */
    Future<TargetForwarder> change(String id, Function<ForwardTarget, ForwardTarget> change) {
        return serially(() -> stopped(id).compose(target -> {
            Future<TargetForwarder> changed;
            try {
                changed = saved(change.apply(target));
            } catch (RuntimeException refused) {
                changed = Future.failedFuture(refused);
            }
            return changed.recover(failure -> {
                start(target);
                return Future.failedFuture(failure);
            });
        }));
    }

    Future<Void> remove(String id) {
        return serially(() -> stopped(id).compose(target -> vertx.executeBlocking(() -> {
            table.delete(id);
            return null;
        }, false)));
    }

    private Future<TargetForwarder> saved(ForwardTarget target) {
        return vertx.executeBlocking(() -> {
            table.save(target);
            return target;
        }, false).map(this::start);
    }

    private Future<ForwardTarget> stopped(String id) {
        Running was = running.remove(id);
        if (was == null) {
            return Future.failedFuture(ForwardRoutes.noSuchTarget(id));
        }
        closeQuietly(was.lagGauge());
        return was.forwarder().stop().map(cursor -> was.forwarder().target().withCursor(cursor));
    }

    private TargetForwarder start(ForwardTarget target) {
        TargetForwarder forwarder = new TargetForwarder(vertx, client, reader, table::saveCursor, settings, target,
                metrics);
        AutoCloseable gauge = metrics.lag(target.id(), () -> forwarder.status().lag());
        running.put(target.id(), new Running(forwarder, gauge));
        forwarder.start();
        return forwarder;
    }

    private Future<Long> newestSeq() {
        return Future.fromCompletionStage(reader.find(EventFilter.ALL, PageRequest.newest(1)))
                .map(page -> page.events().isEmpty() ? 0L : page.events().get(0).seq());
    }

    /** Runs changes one after the other, whichever request asked for them. */
    private synchronized <T> Future<T> serially(java.util.function.Supplier<Future<T>> change) {
        Future<T> next = tail.transform(previous -> change.get());
        tail = next;
        return next;
    }

    /** Stops every forwarder, saving each cursor. */
    @Override
    public void close() throws Exception {
        List<Future<Long>> stops = running.values().stream().map(r -> r.forwarder().stop()).toList();
        Future.join(stops).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        running.values().forEach(r -> closeQuietly(r.lagGauge()));
        running.clear();
        client.close();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("closing {}", closeable, e);
        }
    }
}
