package io.gatehouse.server.device;

import io.gatehouse.core.policy.authorize.RemoteAuthorizer;
import io.gatehouse.core.store.EventStore;
import io.gatehouse.server.HubConfig;
import io.gatehouse.server.db.Database;
import io.gatehouse.server.device.api.DeviceActionRoutes;
import io.gatehouse.server.device.api.DeviceRoutes;
import io.gatehouse.server.ingest.IngestListener;
import io.gatehouse.server.ingest.IngestMetrics;
import io.gatehouse.server.ingest.IngestPipeline;
import io.gatehouse.server.ingest.IngestSettings;
import io.gatehouse.server.ingest.auth.RemoteAuthReceiver;
import io.gatehouse.server.ingest.link.AuthorizationQuery;
import io.gatehouse.server.ingest.link.AuthorizationRoutes;
import io.gatehouse.server.ingest.link.PassageLinker;
import io.gatehouse.server.ingest.push.RecordPushReceiver;
import io.gatehouse.server.ingest.quarantine.Quarantine;
import io.gatehouse.server.ingest.quarantine.QuarantineRoutes;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device side of the hub in one piece: the registry, the ingestion pipeline with its receivers, quarantine and
 * passage linking, the connectors to the devices, and their API. {@link #mount} wires it from {@code Hub.start}
 * (after the admin-token guard); {@link #listening} is called once the HTTP server has its port, because the
 * receiver addresses devices are given depend on it: only then do the connectors start.
 */
public final class Devices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Devices.class);

    private final HubConfig config;
    private final DeviceRegistry registry;
    private final IngestPipeline pipeline;
    private final Quarantine quarantine;
    private final PassageLinker linker;
    private final ConnectorFleet connectors;
    private volatile ReceiverUrls urls;

    private Devices(Vertx vertx, HubConfig config, DeviceRegistry registry, IngestPipeline pipeline,
                    Quarantine quarantine, PassageLinker linker) {
        this.config = config;
        this.registry = registry;
        this.pipeline = pipeline;
        this.quarantine = quarantine;
        this.linker = linker;
        this.urls = ReceiverUrls.resolve(config.publicBaseUrl(), config.bindHost(), config.port());
        IngestSettings limits = config.ingest();
        // half of a device's in-flight allowance for its WebSocket messages, half for its receivers
        this.connectors = new ConnectorFleet(vertx, registry, pipeline, this::urls, config.connect(),
                Math.max(1, limits.maxInFlightPerDevice() / 2), 4L * limits.maxRequestBytes());
    }

    public static Devices mount(Vertx vertx, Router router, Database database, HubConfig config, EventStore store,
                                RemoteAuthorizer authorizer, MeterRegistry metrics) throws Exception {
        IngestSettings limits = config.ingest();
        DeviceRegistry registry = DeviceRegistry.open(new DeviceTable(database, DeviceSecrets.open(config.dataDir())),
                metrics);
        Quarantine quarantine = new Quarantine(database, limits.quarantineEntries(), limits.quarantineBytes(), metrics);
        PassageLinker linker = new PassageLinker(database, limits.linkTolerance());
        IngestMetrics ingestMetrics = new IngestMetrics(metrics);
        IngestPipeline pipeline = new IngestPipeline(limits, store, quarantine, ingestMetrics,
                IngestListener.both(registry, linker));
        Devices devices = new Devices(vertx, config, registry, pipeline, quarantine, linker);

        RecordPushReceiver.mount(router, registry, pipeline, ingestMetrics, limits.maxRequestBytes());
        RemoteAuthReceiver.mount(router, registry, pipeline, ingestMetrics, limits.maxRequestBytes(), authorizer, linker);
        DeviceAudit audit = new DeviceAudit(database);
        DeviceRoutes.mount(router, vertx, registry, audit, devices::urls);
        DeviceActionRoutes.mount(router, registry, audit, devices.connectors);
        QuarantineRoutes.mount(router, vertx, quarantine);
        AuthorizationRoutes.mount(router, vertx, new AuthorizationQuery(database));
        return devices;
    }

    /** The HTTP server listens on {@code port}: the receiver addresses are final now, and the connectors start. */
    public void listening(int port) {
        urls = ReceiverUrls.resolve(config.publicBaseUrl(), config.bindHost(), port);
        LOG.info("devices reach the hub at {}{}", urls.base(), urls.configured() ? ""
                : " (derived from the bind address; set public-url if devices reach the hub another way)");
        for (DeviceRegistry.Entry entry : registry.all()) {
            urls.warnings(entry.device()).forEach(w -> LOG.warn("device {}: {}", entry.device().id(), w));
        }
        connectors.follow();
    }

    public ReceiverUrls urls() {
        return urls;
    }

    public DeviceRegistry registry() {
        return registry;
    }

    /** Where the connectors hand the payloads of the channels they own. */
    public IngestPipeline pipeline() {
        return pipeline;
    }

    public Quarantine quarantine() {
        return quarantine;
    }

    /** The connectors the hub keeps to its devices, one per device it logs in to. */
    public ConnectorFleet connectors() {
        return connectors;
    }

    /**
     * Stops the connectors (and stores what their WebSockets delivered), then linking and quarantining; after the
     * HTTP server stopped and before the store closes.
     */
    @Override
    public void close() throws Exception {
        connectors.close();
        linker.close();
        quarantine.close();
        registry.close();
    }
}
