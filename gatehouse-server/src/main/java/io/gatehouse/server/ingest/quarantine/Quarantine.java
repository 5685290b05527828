package io.gatehouse.server.ingest.quarantine;

import io.gatehouse.core.event.EventImage;
import io.gatehouse.core.store.Channel;
import io.gatehouse.server.db.Database;
import io.gatehouse.server.db.KeptConnection;
import io.gatehouse.server.ingest.Rejection;
import io.gatehouse.server.ingest.Source;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps refused payloads for diagnosis, within {@code maxEntries} rows and {@code maxBytes} bytes of payload.
 * {@link #keep} never blocks: it hands the copy to one writer thread through a queue of {@value #QUEUE} and counts
 * what does not fit (a device flooding the hub with garbage must not slow anything down). The same payload from
 * the same device and channel is one row whose count grows.
 */
public final class Quarantine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Quarantine.class);
    /** The most of one payload kept: enough to see what is wrong, bounded even when the limit is raised. */
    public static final int MAX_KEPT_BYTES = 256 << 10;
    static final int QUEUE = 256;
    private static final String COLUMNS = "id, device_id, channel, sha256, remote_address, status, error, field,"
            + " reason, first_at, last_at, times, size, length(payload)";

    private final Database database;
    private final int maxEntries;
    private final long maxBytes;
    private final ThreadPoolExecutor writer;
    private final Counter dropped;
    private final AtomicLong entries = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final KeptConnection connection;

    public Quarantine(Database database, int maxEntries, long maxBytes, MeterRegistry metrics) throws SQLException {
        this.database = database;
        this.connection = new KeptConnection(database, true);
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), task -> {
            Thread thread = new Thread(task, "gatehouse-quarantine");
            thread.setDaemon(true);
            return thread;
        }, (task, pool) -> countDropped());
        this.dropped = Counter.builder("gatehouse.quarantine.dropped")
                .description("Refused payloads not kept: the quarantine's queue was full or it is turned off")
                .register(metrics);
        Gauge.builder("gatehouse.quarantine.entries", entries, AtomicLong::get)
                .description("Refused payloads kept in the quarantine").register(metrics);
        Gauge.builder("gatehouse.quarantine.bytes", bytes, AtomicLong::get)
                .description("Bytes of refused payloads kept in the quarantine").register(metrics);
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*), total(length(payload)) FROM quarantine")) {
            entries.set(r.getLong(1));
            bytes.set(r.getLong(2));
        }
    }

    private void countDropped() {
        dropped.increment();
    }

    /** Keeps a copy of {@code payload} (may be {@code null}: the body was not read) refused with {@code rejection}. */
    public void keep(Source source, Channel channel, Rejection rejection, byte[] payload) {
        if (maxEntries == 0 || maxBytes == 0) {
            countDropped();
            return;
        }
        long at = System.currentTimeMillis();
        writer.execute(() -> write(source, channel, rejection, payload, at));
    }

    private void write(Source source, Channel channel, Rejection r, byte[] payload, long at) {
        byte[] kept = payload == null ? new byte[0]
                : Arrays.copyOf(payload, (int) Math.min(payload.length, Math.min(MAX_KEPT_BYTES, maxBytes)));
        String sha256 = payload == null ? "" : EventImage.sha256Hex(payload);
        try {
            Connection c = connection.get();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO quarantine (device_id, channel, sha256,"
                    + " remote_address, status, error, field, reason, first_at, last_at, times, size, payload)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT (device_id, channel, sha256) DO UPDATE"
                    + " SET times = times + 1, last_at = excluded.last_at, status = excluded.status,"
                    + " error = excluded.error, field = excluded.field, reason = excluded.reason,"
                    + " remote_address = excluded.remote_address")) {
                s.setString(1, source.deviceId());
                s.setString(2, channel.name());
                s.setString(3, sha256);
                s.setString(4, source.remoteAddress());
                s.setInt(5, r.status());
                s.setString(6, r.error());
                s.setString(7, r.field());
                s.setString(8, r.reason());
                s.setLong(9, at);
                s.setLong(10, at);
                s.setLong(11, payload == null ? 0 : payload.length);
                s.setBytes(12, kept);
                s.executeUpdate();
            }
            evictBeyondLimits(c);
        } catch (SQLException e) {
            countDropped();
            LOG.warn("could not keep a refused payload of device {} in the quarantine: {}", source.deviceId(),
                    e.getMessage());
            connection.discard();
        }
    }

    /** Deletes the least recently seen entries while the quarantine holds too many rows or bytes. */
    private void evictBeyondLimits(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM quarantine WHERE id IN (SELECT id FROM quarantine ORDER BY last_at DESC, id DESC"
                    + " LIMIT -1 OFFSET " + maxEntries + ")");
            try (ResultSet total = s.executeQuery("SELECT count(*), total(length(payload)) FROM quarantine")) {
                entries.set(total.getLong(1));
                bytes.set(total.getLong(2));
            }
            while (bytes.get() > maxBytes && entries.get() > 0) {
                s.executeUpdate("DELETE FROM quarantine WHERE id = (SELECT id FROM quarantine ORDER BY last_at, id LIMIT 1)");
                try (ResultSet total = s.executeQuery("SELECT count(*), total(length(payload)) FROM quarantine")) {
                    entries.set(total.getLong(1));
                    bytes.set(total.getLong(2));
                }
            }
        }
    }

    /** Newest first (by first receipt), without payloads. Blocking: run it on a worker. */
    public List<QuarantinedPayload> list(String deviceId, Long before, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + ", substr(payload, 1, 512) FROM quarantine WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        if (deviceId != null) {
            sql.append(" AND device_id = ?");
            values.add(deviceId);
        }
        if (before != null) {
            sql.append(" AND id < ?");
            values.add(before);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        values.add(limit);
        List<QuarantinedPayload> found = new ArrayList<>();
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                s.setObject(i + 1, values.get(i));
            }
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    found.add(row(rows, 15));
                }
            }
        }
        return found;
    }

    /** One entry with the bytes kept. Blocking. */
    public Optional<QuarantinedPayload> one(long id) throws SQLException {
        try (Connection c = database.connect();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + ", payload FROM quarantine WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(row(rows, 15)) : Optional.empty();
            }
        }
    }

    /** Empties the quarantine; returns how many entries it held. Blocking. */
    public int clear() throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            int deleted = s.executeUpdate("DELETE FROM quarantine");
            entries.set(0);
            bytes.set(0);
            return deleted;
        }
    }

    private static QuarantinedPayload row(ResultSet r, int payloadColumn) throws SQLException {
        return new QuarantinedPayload(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                r.getInt(6), r.getString(7), r.getString(8), r.getString(9), Instant.ofEpochMilli(r.getLong(10)),
                Instant.ofEpochMilli(r.getLong(11)), r.getLong(12), r.getLong(13), r.getInt(14),
                r.getBytes(payloadColumn));
    }

    /** Waits (up to 10 s) for the copies already handed over, then stops the writer. */
    @Override
    public void close() throws InterruptedException {
        writer.shutdown();
        if (writer.awaitTermination(10, TimeUnit.SECONDS)) {
            connection.discard();
        }
    }

    /** For tests: waits until every copy handed over so far is written. */
    public void flush() throws Exception {
        writer.submit(() -> { }).get(10, TimeUnit.SECONDS);
    }
}
