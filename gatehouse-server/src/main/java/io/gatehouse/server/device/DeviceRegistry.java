package io.gatehouse.server.device;

import io.gatehouse.core.store.Channel;
import io.gatehouse.server.api.ApiRefusal;
import io.gatehouse.server.ingest.IngestListener;
import io.gatehouse.server.ingest.Ingestion;
import io.gatehouse.server.ingest.Rejection;
import io.gatehouse.server.ingest.SenderDirectory;
import io.gatehouse.server.ingest.Source;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered devices, in memory for the receivers (a token lookup is one map read on the event loop) and in
 * the database for restarts. Every change runs on one writer thread: validated against the current set, committed,
 * then swapped into memory and told to the {@link RegistryListener}s; the API answers after that. It also keeps
 * each device's {@link DeviceStatus}, fed by the ingestion pipeline (it is its {@link IngestListener}) and the
 * connectors, and learns a terminal's serial from its first payload.
 */
public final class DeviceRegistry implements IngestListener, SenderDirectory, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceRegistry.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A device and its live status; the status survives changes of the device. */
    public record Entry(Device device, DeviceStatus status) {
    }

    private final DeviceTable table;
    private final MeterRegistry metrics;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "gatehouse-devices");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Entry> byId = new ConcurrentHashMap<>();
    private final Map<String, Entry> byPushToken = new ConcurrentHashMap<>();
    private final Map<String, Entry> byAuthToken = new ConcurrentHashMap<>();
    private final Map<String, List<Meter>> meters = new ConcurrentHashMap<>();
    private final List<RegistryListener> listeners = new CopyOnWriteArrayList<>();

    private DeviceRegistry(DeviceTable table, MeterRegistry metrics) {
        this.table = table;
        this.metrics = metrics;
    }

    static DeviceRegistry open(DeviceTable table, MeterRegistry metrics) throws SQLException {
        DeviceRegistry registry = new DeviceRegistry(table, metrics);
        for (DeviceTable.Loaded loaded : table.loadAll()) {
            DeviceStatus status = new DeviceStatus();
            if (loaded.problem() != null) {
                LOG.warn("device {}: {}", loaded.device().id(), loaded.problem());
                status.error(Instant.now(), loaded.problem());
            }
            registry.put(loaded.device(), status);
        }
        LOG.info("{} devices registered", registry.byId.size());
        return registry;
    }

    /** Listeners are told about the devices already registered when they subscribe. */
    public void subscribe(RegistryListener listener) {
        run(() -> {
            listeners.add(listener);
            all().forEach(e -> listener.added(e.device(), e.status()));
            return null;
        }).toCompletableFuture().join();
    }

    /** After this returns, {@code listener} hears of no further change. */
    public void unsubscribe(RegistryListener listener) {
        run(() -> listeners.remove(listener)).toCompletableFuture().join();
    }

    public List<Entry> all() {
        List<Entry> entries = new ArrayList<>(byId.values());
        entries.sort(Comparator.comparing(e -> e.device().id()));
        return entries;
    }

    public Optional<Entry> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<Entry> byPushToken(String token) {
        return ReceiverTokens.wellFormed(token) ? Optional.ofNullable(byPushToken.get(token)) : Optional.empty();
    }

    public Optional<Entry> byAuthToken(String token) {
        return ReceiverTokens.wellFormed(token) ? Optional.ofNullable(byAuthToken.get(token)) : Optional.empty();
    }

    /** Registers a new device; fails with a {@link ApiRefusal} (409) when its id or serial is taken. */
    public CompletionStage<Device> add(DeviceJson.Described d) {
        return run(() -> {
            String id = d.id() != null ? d.id() : freshId(d.kind());
            if (byId.containsKey(id)) {
                throw new ApiRefusal(409, "id", "a device with id '" + id + "' is already registered");
            }
            checkSerialFree(id, d.serial());
            Instant now = Instant.now();
            Device device = new Device(id, d.name(), d.spec(), d.serial(), null, ReceiverTokens.generate(), now, now);
            table.insert(device);
            DeviceStatus status = new DeviceStatus();
            put(device, status);
            listeners.forEach(l -> l.added(device, status));
            LOG.info("device {} registered: {} {}", id, d.kind().label(), d.spec());
            return device;
        });
    }

    /** Applies {@code d} to the device {@code d.id()}; 404 when it is gone, 409 when the serial is taken. */
    public CompletionStage<Device> change(DeviceJson.Described d) {
        return run(() -> {
            Entry current = byId.get(d.id());
            if (current == null) {
                throw noSuchDevice(d.id());
            }
            checkSerialFree(d.id(), d.serial());
            Device changed = current.device().withChanges(d.name(), d.spec(), d.serial(), Instant.now());
            return replace(current, changed, true);
        });
    }

    public CompletionStage<Device> remove(String id) {
        return run(() -> {
            Entry current = byId.get(id);
            if (current == null) {
                throw noSuchDevice(id);
            }
            table.delete(id);
            byId.remove(id);
            byPushToken.remove(current.device().tokens().push());
            byAuthToken.remove(current.device().tokens().auth());
            meters.getOrDefault(id, List.of()).forEach(metrics::remove);
            meters.remove(id);
            listeners.forEach(l -> l.removed(current.device(), current.status()));
            LOG.info("device {} removed", id);
            return current.device();
        });
    }

    /** Keeps the certificate a connector pinned on first contact, so the pin survives restarts. */
    public CompletionStage<Device> pin(String id, String sha256) {
        return run(() -> {
            Entry current = byId.get(id);
            if (current == null) {
                throw noSuchDevice(id);
            }
            return replace(current, current.device().withPin(sha256, Instant.now()), false);
        });
    }

    /** A serial the device named (its first payload, its info); kept once, never overwritten. */
    public void learnSerial(String id, String serial) {
        Entry entry = byId.get(id);
        if (entry == null || entry.device().serial() != null || entry.device().kind() != DeviceKind.TERMINAL) {
            return;
        }
        run(() -> {
            Entry current = byId.get(id);
            if (current != null && current.device().serial() == null) {
                replace(current, current.device().withSerial(serial, Instant.now()), false);
                LOG.info("device {} is serial {}", id, serial);
            }
            return null;
        }).exceptionally(e -> {
            LOG.warn("could not keep the serial of device {}: {}", id, e.getMessage());
            return null;
        });
    }

    private Device replace(Entry current, Device changed, boolean tellListeners) throws SQLException {
        if (!table.update(changed)) {
            throw noSuchDevice(changed.id());
        }
        Entry entry = new Entry(changed, current.status());
        byId.put(changed.id(), entry);
        byPushToken.put(changed.tokens().push(), entry);
        byAuthToken.put(changed.tokens().auth(), entry);
        if (tellListeners) {
            listeners.forEach(l -> l.changed(current.device(), changed, current.status()));
        }
        return changed;
    }

    private void checkSerialFree(String id, String serial) {
        if (serial == null) {
            return;
        }
        for (Entry e : byId.values()) {
            if (!e.device().id().equals(id) && serial.equals(e.device().serial())) {
                throw new ApiRefusal(409, "serial", "device '" + e.device().id() + "' already has serial " + serial);
            }
        }
    }

    private String freshId(DeviceKind kind) {
        String id;
        do {
            byte[] bits = new byte[4];
            RANDOM.nextBytes(bits);
            id = kind.label() + "-" + HexFormat.of().formatHex(bits);
        } while (byId.containsKey(id));
        return id;
    }

    private void put(Device device, DeviceStatus status) {
        Entry entry = new Entry(device, status);
        byId.put(device.id(), entry);
        byPushToken.put(device.tokens().push(), entry);
        byAuthToken.put(device.tokens().auth(), entry);
        List<Meter> gauges = new ArrayList<>();
        for (String state : DeviceStatus.STATES) {
            gauges.add(Gauge.builder("gatehouse.device.state", status, s -> s.state().equals(state) ? 1 : 0)
                    .description("1 for the state each registered device is in, 0 for the others")
                    .tag("device", device.id()).tag("state", state).register(metrics));
        }
        meters.put(device.id(), gauges);
    }

    private interface Change<T> {
        T run() throws Exception;
    }

    private <T> CompletionStage<T> run(Change<T> change) {
        CompletableFuture<T> done = new CompletableFuture<>();
        writer.execute(() -> {
            try {
                done.complete(change.run());
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** The {@link Source} of a payload that reached {@code entry}'s receiver from {@code remoteAddress}. */
    public static Source source(Entry entry, String remoteAddress) {
        return new Source(entry.device().id(), entry.device().eventSerial(), remoteAddress);
    }

    @Override
    public Optional<Source> pushSender(String token, String remoteAddress) {
        return byPushToken(token).map(e -> source(e, remoteAddress));
    }

    @Override
    public Optional<Source> authSender(String token, String remoteAddress) {
        return byAuthToken(token).map(e -> source(e, remoteAddress));
    }

    @Override
    public void heartbeat(String id) {
        Entry entry = byId.get(id);
        if (entry != null) {
            entry.status().heartbeat(Instant.now());
        }
    }

    @Override
    public void stored(Ingestion ingestion, String payloadSerial) {
        Entry entry = byId.get(ingestion.source().deviceId());
        if (entry == null) {
            return;
        }
        entry.status().stored(Instant.now(), ingestion.channel(), ingestion.result().duplicate(),
                ingestion.result().lateBy() != null);
        if (payloadSerial != null && entry.device().serial() == null) {
            learnSerial(entry.device().id(), payloadSerial);
        }
    }

    @Override
    public void rejected(Source source, Channel channel, Rejection r) {
        Entry entry = byId.get(source.deviceId());
        if (entry != null) {
            entry.status().rejected(Instant.now(), channel + ": " + r.status() + " " + r.error()
                    + (r.field().isEmpty() ? "" : " at " + r.field()) + ": " + r.reason());
        }
    }

    public Collection<String> ids() {
        return byId.keySet();
    }

    @Override
    public void close() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static ApiRefusal noSuchDevice(String id) {
        return new ApiRefusal(404, "id", "no device '" + id + "' is registered");
    }
}
