package io.gatehouse.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.core.store.Channel;
import io.gatehouse.core.store.EventFilter;
import io.gatehouse.core.store.EventPage;
import io.gatehouse.core.store.EventReader;
import io.gatehouse.core.store.EventType;
import io.gatehouse.core.store.PageRequest;
import io.gatehouse.core.store.StoredEvent;
import io.gatehouse.core.store.StoredImage;
import io.gatehouse.server.db.Database;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The read side of the SQLite store: a few reader threads, each with its own read-only connection (WAL lets them
 * read while the writer commits). A page is read in one transaction, so the page and its resume position come
 * from the same snapshot.
 */
public final class SqliteEventReader implements EventReader, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS =
            "seq, type, dedupe_key, device_id, channel, occurred_at, received_at, late_by_ms, event_json";

    private final Database database;
    private final ImageFiles files;
    private final ImageLog images;
    private final EventWriter writer;
    private final ExecutorService pool;
    private final ThreadLocal<Connection> connection = new ThreadLocal<>();
    private final ConcurrentLinkedQueue<Connection> opened = new ConcurrentLinkedQueue<>();

    SqliteEventReader(Database database, ImageFiles files, ImageLog images, EventWriter writer, int threads) {
        this.database = database;
        this.files = files;
        this.images = images;
        this.writer = writer;
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "gatehouse-store-reader-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public CompletionStage<EventPage> find(EventFilter filter, PageRequest page) {
        return onReader(c -> page(c, filter, page));
    }

    @Override
    public CompletionStage<Optional<StoredEvent>> event(long seq) {
        return onReader(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT " + COLUMNS + ", payload_json FROM events WHERE seq = ?")) {
                s.setLong(1, seq);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(event(rs, JSON.readTree(rs.getString("payload_json"))))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public CompletionStage<Optional<StoredImage>> image(String sha256) {
        return onReader(c -> {
            try {
                return image(c, sha256);
            } catch (NoSuchFileException e) {
                return image(c, sha256); // retention moved or deleted it after its row was read: read the row again
            }
        });
    }

    private Optional<StoredImage> image(Connection c, String sha256) throws Exception {
        try (PreparedStatement s = c.prepareStatement("SELECT i.media_type, i.size, i.log_segment, i.log_offset,"
                + " b.bytes FROM images i LEFT JOIN image_bytes b ON b.id = i.id WHERE i.sha256 = unhex(?)")) {
            s.setString(1, sha256);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                byte[] bytes;
                long segment = rs.getLong(3);
                if (!rs.wasNull()) {
                    bytes = images.read(segment, rs.getLong(4), rs.getInt(2), sha256);
                } else if ((bytes = rs.getBytes(5)) == null) { // stored before images moved into the database
                    Path file = files.path(sha256);
                    if (!Files.exists(file)) {
                        return Optional.empty();
                    }
                    bytes = Files.readAllBytes(file);
                }
                return Optional.of(new StoredImage(sha256, rs.getString(1), bytes));
            }
        }
    }

    @Override
    public AutoCloseable watch(CommitListener onCommit) {
        return writer.watch(onCommit);
    }

    /** Whether the database has a row for the image of this hash in hex; used by the orphan sweep. */
    boolean knowsBlob(Connection c, String sha256) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM images WHERE sha256 = unhex(?)")) {
            s.setString(1, sha256);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Runs {@code query} on a reader thread with that thread's connection. */
    <T> CompletionStage<T> onReader(Query<T> query) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return query.run(connection());
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, pool);
    }

    @FunctionalInterface
    interface Query<T> {
        T run(Connection connection) throws Exception;
    }

    private EventPage page(Connection c, EventFilter filter, PageRequest page) throws Exception {
        FilterSql where = FilterSql.of(filter);
        boolean ascending = page.order() == PageRequest.Order.ASCENDING;
        c.setAutoCommit(false); // one snapshot for the newest seq and the page
        try {
            long newest = newest(c);
            String sql = "SELECT " + COLUMNS + " FROM events WHERE " + where.where()
                    + (ascending ? " AND seq > ? AND seq <= ? ORDER BY seq ASC" : " AND seq < ? ORDER BY seq DESC")
                    + " LIMIT ?";
            List<StoredEvent> events = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int i = bind(s, where.parameters());
                if (ascending) {
                    s.setLong(i++, page.position() == null ? 0 : page.position());
                    s.setLong(i++, newest);
                } else {
                    s.setLong(i++, page.position() == null ? Long.MAX_VALUE : page.position());
                }
                s.setInt(i, page.limit() + 1);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        events.add(event(rs, null));
                    }
                }
            }
            boolean more = events.size() > page.limit();
            if (more) {
                events.remove(events.size() - 1);
            }
            Long last = events.isEmpty() ? null : events.get(events.size() - 1).seq();
            Long resume = ascending ? (more ? last : Long.valueOf(Math.max(newest, position(page))))
                    : (more ? last : null);
            return new EventPage(events, more, resume);
        } finally {
            c.commit();
            c.setAutoCommit(true);
        }
    }

    private static long position(PageRequest page) {
        return page.position() == null ? 0 : page.position();
    }

    private static long newest(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq FROM events ORDER BY seq DESC LIMIT 1")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static int bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        int i = 1;
        for (Object parameter : parameters) {
            statement.setObject(i++, parameter);
        }
        return i;
    }

    private static StoredEvent event(ResultSet rs, JsonNode payload) throws SQLException, JsonProcessingException {
        long lateBy = rs.getLong("late_by_ms");
        Duration late = rs.wasNull() ? null : Duration.ofMillis(lateBy);
        return new StoredEvent(
                rs.getLong("seq"),
                EventType.fromLabel(rs.getString("type")),
                rs.getString("dedupe_key"),
                rs.getString("device_id"),
                Channel.valueOf(rs.getString("channel")),
                Instant.ofEpochMilli(rs.getLong("occurred_at")),
                Instant.ofEpochMilli(rs.getLong("received_at")),
                late,
                (ObjectNode) JSON.readTree(rs.getString("event_json")),
                payload);
    }

    private Connection connection() throws SQLException {
        Connection c = connection.get();
        if (c == null) {
            c = database.connect();
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA query_only = 1");
            }
            connection.set(c);
            opened.add(c);
        }
        return c;
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        for (Connection c : opened) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing a read-only connection loses nothing
            }
        }
    }
}
