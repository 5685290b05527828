package io.gatehouse.server.device;

import io.gatehouse.core.store.Channel;
import io.gatehouse.server.connect.ConnectorListener;
import io.gatehouse.server.connect.ConnectorSettings;
import io.gatehouse.server.connect.DeviceEndpoint;
import io.gatehouse.server.connect.DeviceInfo;
import io.gatehouse.server.connect.DeviceState;
import io.gatehouse.server.connect.SophonConnector;
import io.gatehouse.server.connect.TerminalConnector;
import io.gatehouse.server.connect.TerminalPlan;
import io.gatehouse.server.connect.TlsTrust;
import io.gatehouse.server.ingest.IngestPipeline;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connector per registered device, following the registry: a {@link TerminalConnector} for each terminal the
 * hub can log in to (it provisions the receiver addresses of the channels the operator chose and holds the
 * WebSocket when wanted), a {@link SophonConnector} for each SE box. A device added starts one, a device changed
 * restarts it (after the old one let go of the device's WebSocket slot), a device removed stops it. What the
 * connectors report comes back here: WebSocket messages go through a {@link StreamIntake} into the same ingestion
 * pipeline as the receivers' payloads, states and device facts into the device's status, and pinned certificates
 * into the registry, so that a pin survives restarts and a restarted hub keeps refusing a changed certificate.
 */
public final class ConnectorFleet implements RegistryListener, ConnectorListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorFleet.class);
    private static final long STOP_SECONDS = 15;

    /** A running connector of either kind, and the intake of its messages. */
    private record Running(TerminalConnector terminal, SophonConnector box, StreamIntake intake) {
        Future<Void> stop() {
            return terminal != null ? terminal.stop() : box.stop();
        }
    }

    private final Vertx vertx;
    private final DeviceRegistry registry;
    private final IngestPipeline pipeline;
    private final Supplier<ReceiverUrls> urls;
    private final ConnectorSettings settings;
    private final int window;
    private final long maxQueuedBytes;
    private final IntakeBudget intakeBudget = IntakeBudget.ofHeap();
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    /**
     * @param window         appends of one device's WebSocket messages in flight at once
     * @param maxQueuedBytes bytes of one device's WebSocket messages waiting for the store, at most
     */
    ConnectorFleet(Vertx vertx, DeviceRegistry registry, IngestPipeline pipeline, Supplier<ReceiverUrls> urls,
                   ConnectorSettings settings, int window, long maxQueuedBytes) {
        this.vertx = vertx;
        this.registry = registry;
        this.pipeline = pipeline;
        this.urls = urls;
        this.settings = settings;
        this.window = window;
        this.maxQueuedBytes = maxQueuedBytes;
    }

    /** Starts a connector for every registered device, and follows the registry from now on. */
    void follow() {
        registry.subscribe(this);
    }

    /**
     * Why the hub does not connect to {@code device}, or {@code null} when it does: a terminal registered without
     * a password only reaches the hub's receivers, configured on the terminal by hand.
     */
    public static String notConnected(Device device) {
        if (device.spec() instanceof TerminalSpec t && t.password() == null) {
            return "no password registered: the hub does not log in to this terminal, it only takes what the terminal"
                    + " sends to its receiver addresses (configure them on the terminal, or set the password)";
        }
        return null;
    }

    // ---- following the registry (its writer thread)

    @Override
    public void added(Device device, DeviceStatus status) {
        start(device, status);
    }

    @Override
    public void changed(Device before, Device after, DeviceStatus status) {
        if (Objects.equals(before.spec(), after.spec())) {
            return; // a new name or serial changes nothing the device is told or asked
        }
        stop(before.id(), status);
        start(after, status);
    }

    @Override
    public void removed(Device device, DeviceStatus status) {
        stop(device.id(), status);
    }

    private void start(Device device, DeviceStatus status) {
        String passive = notConnected(device);
        if (passive != null) {
            LOG.info("device {}: {}", device.id(), passive);
            return;
        }
        StreamIntake intake = new StreamIntake(device.id(), registry, pipeline, window, maxQueuedBytes, intakeBudget,
                settings.backoffMin());
        try {
            status.connectorState(DeviceState.CONNECTING.name(), "connecting to " + device.spec().host());
            running.put(device.id(), device.spec() instanceof TerminalSpec t
                    ? new Running(TerminalConnector.start(vertx, terminalEndpoint(device, t), plan(device, t), this,
                            settings), null, intake)
                    : new Running(null, startBox(device, (SeBoxSpec) device.spec()), intake));
        } catch (RuntimeException e) {
            // a registration the connector cannot use (a CA file it cannot read): the device's state says why
            LOG.warn("device {}: not connected: {}", device.id(), e.getMessage());
            status.connectorState(DeviceState.DEGRADED.name(), "not connected: " + e.getMessage());
        }
    }

    private SophonConnector startBox(Device device, SeBoxSpec box) {
        return SophonConnector.start(vertx, DeviceEndpoint.seBox(device.id(), box.host(), box.restPort(),
                box.webSocketPort()), box.cameras(), box.version(), this, settings);
    }

    /** Stops the device's connector and waits until it let go of the device (its WebSocket slot is free). */
    private void stop(String id, DeviceStatus status) {
        Running connector = running.remove(id);
        if (connector != null) {
            await(connector.stop(), "device " + id + ": its connector did not stop in time");
        }
        status.connectorStopped();
    }

    private static DeviceEndpoint terminalEndpoint(Device device, TerminalSpec t) {
        TlsTrust trust = switch (t.trust().mode()) {
            case TRUST_ON_FIRST_USE -> device.pinnedSha256() == null ? TlsTrust.firstUse()
                    : TlsTrust.pinned(device.pinnedSha256());
            case CA_FILE -> TlsTrust.caFile(Path.of(t.trust().caFile()));
            case INSECURE -> TlsTrust.insecure();
        };
        return new DeviceEndpoint(device.id(), t.host(), t.port(), t.tls(), t.username(), t.password(), trust);
    }

    private TerminalPlan plan(Device device, TerminalSpec t) {
        ReceiverUrls receivers = urls.get();
        return new TerminalPlan(t.uses(TerminalChannel.PUSH) ? receivers.push(device) : null,
                t.uses(TerminalChannel.REMOTE_AUTH) ? receivers.auth(device) : null,
                t.remoteAuthFallbackMinutes(), t.uses(TerminalChannel.WEBSOCKET));
    }

    // ---- what operators ask of a connector (any thread)

    /** The running connector of terminal {@code id}: its client opens doors with the connector's login and pin. */
    public Optional<TerminalConnector> terminal(String id) {
        Running connector = running.get(id);
        return connector == null ? Optional.empty() : Optional.ofNullable(connector.terminal());
    }

    /**
     * An operator checked the certificate terminal {@code id} now presents and accepts it: the pin is kept in the
     * registry first (so a restart keeps it), then the running connector trusts it and reconnects at once.
     */
    public CompletionStage<Device> acceptCertificate(String id, String sha256) {
        return registry.pin(id, sha256).thenApply(device -> {
            terminal(id).ifPresent(connector -> connector.acceptCertificate(sha256));
            return device;
        });
    }

    // ---- what the connectors report (their event loops)

    @Override
    public void onPayload(String deviceId, Channel channel, Buffer payload) {
        Running connector = running.get(deviceId);
        if (connector != null) {
            connector.intake().offer(channel, payload);
        }
    }

    @Override
    public void onState(String deviceId, DeviceState state, String reason) {
        registry.get(deviceId).ifPresent(entry -> entry.status().connectorState(state.name(), reason));
    }

    @Override
    public void onCertificatePinned(String deviceId, String sha256) {
        registry.pin(deviceId, sha256).exceptionally(e -> {
            LOG.warn("device {}: could not keep the pinned certificate {}: {}", deviceId, sha256, e.getMessage());
            return null;
        });
    }

    @Override
    public void onDeviceInfo(String deviceId, DeviceInfo info) {
        registry.get(deviceId).ifPresent(entry -> {
            entry.status().learned(new DeviceStatus.Learned(info.serial(), info.model(), info.firmware(),
                    info.cameraIds()));
            if (info.serial() != null) {
                registry.learnSerial(deviceId, info.serial());
            }
        });
    }

    /**
     * Stops following the registry, stops every connector at once (each lets go of its device) and waits until the
     * WebSocket messages they delivered are stored; call before the store closes.
     */
    @Override
    public void close() {
        registry.unsubscribe(this);
        List<Running> all = new ArrayList<>(running.values());
        running.clear();
        await(Future.all(all.stream().map(Running::stop).toList()), "some connectors did not stop in time");
        await(Future.all(all.stream().map(r -> r.intake().drained()).toList()),
                "some WebSocket messages were not stored before the hub stopped");
        LOG.info("{} device connectors stopped", all.size());
    }

    private static void await(Future<?> done, String problem) {
        try {
            done.toCompletionStage().toCompletableFuture().get(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("{}: {}", problem, e.getMessage());
        }
    }
}
