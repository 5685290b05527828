package io.gatehouse.simulator;

import io.gatehouse.protocol.sense.SubscribeConfig;
import io.gatehouse.simulator.device.DeviceCertificate;
import io.gatehouse.simulator.device.SimulatedDevice;
import io.gatehouse.simulator.sophon.SeBox;
import io.gatehouse.simulator.sophon.SeBoxConfig;
import io.gatehouse.simulator.terminal.Terminal;
import io.gatehouse.simulator.terminal.TerminalConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A site of emulated devices in one process: N terminals then M SE boxes on consecutive loopback addresses,
 * sharing one Vert.x instance (its event loops), one TLS certificate and the same few JPEG faces. This is the
 * Java API the hub's end-to-end tests and {@code gatehouse demo} use:
 *
 * <pre>{@code
 * try (SimulatedSite site = SimulatedSite.start(SiteConfig.forTests().withDevices(2, 1, 2))) {
 *     Terminal door = site.terminals().get(0);
 *     // door.baseUrl(), door.username(), door.password(), door.serial()
 *     door.recognize("1", null).toCompletionStage().toCompletableFuture().get();
 *     door.counters().delivered();
 * }
 * }</pre>
 */
public final class SimulatedSite implements AutoCloseable {
    static final int MAX_CERTIFIED_ADDRESSES = 64;
    private final Vertx vertx;
    private final SiteConfig config;
    private final boolean ownsVertx;
    private final List<Terminal> terminals;
    private final List<SeBox> boxes;
    private final List<String> deployments;

    private SimulatedSite(Vertx vertx, SiteConfig config, boolean ownsVertx, List<Terminal> terminals,
                          List<SeBox> boxes, List<String> deployments) {
        this.vertx = vertx;
        this.config = config;
        this.ownsVertx = ownsVertx;
        this.terminals = List.copyOf(terminals);
        this.boxes = List.copyOf(boxes);
        this.deployments = List.copyOf(deployments);
    }

    /** Starts the site on a Vert.x instance of its own and waits until every device listens. */
    public static SimulatedSite start(SiteConfig config) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            return start(vertx, config, true).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw e;
        }
    }

    /** Starts the site on {@code vertx} (a hub's, for a demo in one process); closing the site leaves it running. */
    public static Future<SimulatedSite> start(Vertx vertx, SiteConfig config) {
        return start(vertx, config, false);
    }

    private static Future<SimulatedSite> start(Vertx vertx, SiteConfig config, boolean ownsVertx) {
        List<String> addresses = LoopbackAddresses.from(config.firstAddress(), config.terminals() + config.boxes());
        DeviceCertificate certificate = config.tls() && config.terminals() > 0
                ? DeviceCertificate.generate("gatehouse-emulated-terminal", certifiedAddresses(addresses, config.terminals()))
                : null;
        List<Terminal> terminals = new ArrayList<>();
        for (int i = 0; i < config.terminals(); i++) {
            terminals.add(new Terminal(terminalConfig(config, i, addresses.get(i), certificate)));
        }
        List<SeBox> boxes = new ArrayList<>();
        for (int i = 0; i < config.boxes(); i++) {
            boxes.add(new SeBox(boxConfig(config, i, addresses.get(config.terminals() + i))));
        }
        List<Future<String>> deployed = Stream.concat(terminals.stream(), boxes.stream())
                .map(device -> vertx.deployVerticle(device).recover(e -> Future.failedFuture(new IllegalStateException(
                        device.kind().label() + " " + device.serial() + " could not start on " + device.address()
                                + ": " + e.getMessage(), e))))
                .toList();
        return Future.all(deployed).map(all -> new SimulatedSite(vertx, config, ownsVertx, terminals, boxes, all.list()));
    }

    /**
     * The addresses the shared certificate names. Every TLS server parses its certificate, so a certificate naming
     * a thousand addresses costs a million objects across a fleet: large fleets get one naming only the first
     * few (clients of self-signed devices trust them explicitly anyway, not by name).
     */
    static List<String> certifiedAddresses(List<String> addresses, int terminals) {
        return addresses.subList(0, Math.min(terminals, MAX_CERTIFIED_ADDRESSES));
    }

    private static TerminalConfig terminalConfig(SiteConfig config, int index, String address, DeviceCertificate certificate) {
        var versions = config.terminalVersions();
        SubscribeConfig push = config.eventDest() == null ? null : new SubscribeConfig(config.eventDest(), true);
        return new TerminalConfig(String.format("PSC700C0MC22F%05d", index + 1), TerminalConfig.MODEL,
                versions.get(index % versions.size()), address, config.terminalPort(), config.tls(),
                config.username(), config.password(), config.rate(), config.roster(), config.timing(),
                config.cacheCapacity(), config.historyCapacity(), certificate, push, config.seed() * 1_000_003 + index,
                config.distinctSnapshots());
    }

    private static SeBoxConfig boxConfig(SiteConfig config, int index, String address) {
        String boxId = String.format("SE5-%05d", index + 1);
        return new SeBoxConfig(boxId, config.boxVersion(), address, config.boxRestPort(), config.boxWebSocketPort(),
                SeBoxConfig.cameras(boxId, config.camerasPerBox()), config.rate(), config.roster(),
                config.seed() * 7_000_003 + index);
    }

    public List<Terminal> terminals() {
        return terminals;
    }

    public List<SeBox> boxes() {
        return boxes;
    }

    /** Every device, terminals first, in address order. */
    public List<SimulatedDevice> devices() {
        return Stream.concat(terminals.stream(), boxes.stream()).map(SimulatedDevice.class::cast).toList();
    }

    /** The device with this serial (terminal) or box id. */
    public Optional<SimulatedDevice> device(String serial) {
        return devices().stream().filter(d -> d.serial().equals(serial)).findFirst();
    }

    public SiteConfig config() {
        return config;
    }

    public Vertx vertx() {
        return vertx;
    }

    /** Stops every device (and the Vert.x instance when the site made its own), waiting up to 30 s. */
    @Override
    public void close() throws Exception {
        Future<?> done = ownsVertx ? vertx.close()
                : Future.all(deployments.stream().map(vertx::undeploy).toList());
        done.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
