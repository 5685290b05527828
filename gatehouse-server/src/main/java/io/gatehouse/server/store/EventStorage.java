package io.gatehouse.server.store;

import io.gatehouse.core.store.EventReader;
import io.gatehouse.core.store.EventStore;
import io.gatehouse.server.db.Database;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The hub's event storage as one piece: the writer ({@link #store()}, where receivers append), the readers
 * ({@link #reader()}, for the API and live streams), retention, and the store's readiness. Opened by the hub at
 * start and closed last, after the HTTP server, so that every accepted event is committed before exit.
 */
public final class EventStorage implements AutoCloseable {
    private static final long PROBE_TIMEOUT_MILLIS = 2_000;

    private final SqliteEventStore store;
    private final SqliteEventReader reader;
    private final EventWriter writer;
    private final Retention retention;

    private EventStorage(SqliteEventStore store, SqliteEventReader reader, EventWriter writer, Retention retention) {
        this.store = store;
        this.reader = reader;
        this.writer = writer;
        this.retention = retention;
    }

    /** Opens the store in {@code dataDir} (the database is already migrated) and starts its threads. */
    public static EventStorage open(Database database, Path dataDir, StoreSettings settings,
                                    RetentionSettings retentionSettings, MeterRegistry registry)
            throws SQLException, IOException {
        return open(database, dataDir, settings, retentionSettings, registry, ImageLog.Sizes.DEFAULTS);
    }

    /** With image segments of other sizes (tests use small ones). */
    static EventStorage open(Database database, Path dataDir, StoreSettings settings,
                             RetentionSettings retentionSettings, MeterRegistry registry, ImageLog.Sizes imageSizes)
            throws SQLException, IOException {
        StoreMetrics metrics = new StoreMetrics(registry);
        Connection connection = database.connect();
        ImageSizes sizes = ImageSizes.of(connection);
        ImageFiles files = ImageFiles.open(dataDir, sizes.inFiles());
        ImageLog images = ImageLog.open(dataDir, imageSizes, sizes.inSegments());
        EventWriter writer = new EventWriter(database, connection, images, metrics, settings.maxBatch(),
                settings.requestRecordWait(), sizes.all());
        SqliteEventStore store = new SqliteEventStore(settings, writer, metrics);
        SqliteEventReader reader = new SqliteEventReader(database, files, images, writer, settings.readers());
        Retention retention = new Retention(retentionSettings, writer, files, images, reader, metrics,
                Clock.systemUTC());
        metrics.gauge("gatehouse.blobs.bytes", "Bytes of all stored images", writer, EventWriter::blobBytes);
        metrics.gauge("gatehouse.blobs.segments.bytes", "Bytes of the image segment files on disk (DATA/images)",
                images, ImageLog::bytes);
        writer.start();
        retention.start();
        return new EventStorage(store, reader, writer, retention);
    }

    /**
     * Bytes of all stored images, of those an earlier hub kept in files, and of those in each image segment: one pass
     * over the image rows.
     */
    private record ImageSizes(long all, long inFiles, Map<Long, Long> inSegments) {
        static ImageSizes of(Connection connection) throws SQLException {
            long all = 0;
            long inFiles = 0;
            Map<Long, Long> inSegments = new HashMap<>();
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT size, log_segment, " + ImageFiles.KEPT_HERE + " FROM images i")) {
                while (rs.next()) {
                    long size = rs.getLong(1);
                    all += size;
                    long segment = rs.getLong(2);
                    if (!rs.wasNull()) {
                        inSegments.merge(segment, size, Long::sum);
                    } else if (rs.getBoolean(3)) {
                        inFiles += size;
                    }
                }
            }
            return new ImageSizes(all, inFiles, inSegments);
        }
    }

    /** Where events go in: receivers append here. */
    public EventStore store() {
        return store;
    }

    /** Where events come out: queries, images, the commit signal. */
    public EventReader reader() {
        return reader;
    }

    /**
     * What keeps the store from taking events now; empty when it is ready. Proves the database takes writes by
     * committing a probe on the writer, within two seconds.
     */
    public CompletionStage<List<String>> problems() {
        List<String> problems = new ArrayList<>();
        if (!writer.alive()) {
            problems.add("the store writer is not running");
            return CompletableFuture.completedFuture(problems);
        }
        if (store.queueDepth() >= store.queueCapacity() * 9L / 10) {
            problems.add("the store queue is saturated (" + store.queueDepth() + " of " + store.queueCapacity() + ")");
        }
        if (writer.lastFailure() != null) {
            problems.add(writer.lastFailure());
        }
        return writer.call(EventStorage::probe)
                .orTimeout(PROBE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .handle((ok, failure) -> {
                    if (failure != null) {
                        problems.add(failure instanceof TimeoutException
                                ? "the store writer did not answer within " + PROBE_TIMEOUT_MILLIS + " ms"
                                : "the database does not take writes: " + failure.getMessage());
                    }
                    return problems;
                });
    }

    private static Boolean probe(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO store_probe (id, probed_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET probed_at = excluded.probed_at")) {
            s.setLong(1, System.currentTimeMillis());
            s.executeUpdate();
        }
        c.commit();
        return true;
    }

    /** Runs retention now (tests and operators' tools; normally it runs on its interval). */
    void enforceRetention() {
        retention.enforce();
    }

    Retention retention() {
        return retention;
    }

    EventWriter writer() {
        return writer;
    }

    @Override
    public void close() throws InterruptedException {
        retention.close();
        store.close();
        reader.close();
    }
}
