package io.gatehouse.server.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's embedded SQLite databases: {@code gatehouse.db} in the data directory for everything but the decision log,
 * and {@code decisions.db} for the decision log alone ({@link #decisionLog()}), in the data directory or one of its
 * own (setting {@code decision-log}). Both use a WAL journal (readers never
 * wait for the writer) and {@code synchronous=FULL} (a commit survives power loss), migrated by Flyway from
 * {@code db/migration} and {@code db/decisions} on the classpath. Migration version ranges in {@code db/migration}
 * were owned by feature: 1-99 events and images, 100-199 devices, 200-299 access control, 300-399 forwarding. Since
 * hubs in the field have applied 301, every new migration takes the next number above the highest (V400, V401, ...):
 * Flyway refuses to apply a version below one already applied.
 *
 * <p>Why two files: SQLite has one write lock per file. A durable remote-authorization answer waits for its decision's
 * commit, and while the log shared a file with the event store that commit queued behind the store's batches (median
 * 3 ms, p99 71 ms at 400 requests/s with images, docs/PERFORMANCE.md); in its own file it waits only for its own fsync.
 * On the same disk that fsync still waits for what the store wrote before it; on a disk of its own it does not.
 */
public final class Database {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final String DECISIONS_FILE = "decisions.db";
    /** 64 MiB: the write-ahead log's length kept on disk when it starts over. */
    static final long LOG_SIZE_LIMIT = 64L << 20;
    /**
     * The driver's generated keys are off: left on, it runs {@code SELECT last_insert_rowid()} after every INSERT,
     * a statement compiled and stepped each time (3 µs of an INSERT's 4 here, several per stored event). Code that
     * needs the new row's key asks for it ({@code RETURNING}, or {@code last_insert_rowid()} itself).
     */
    private static final Properties CONNECTION_PROPERTIES = new Properties();

    static {
        CONNECTION_PROPERTIES.setProperty("jdbc.get_generated_keys", "false");
    }
    private final Path file;
    private final String url;
    private final Database decisionLog;
    private final ReentrantLock writeTurn = new ReentrantLock(true);

    /** One write: a statement or a transaction on a connection of this database. */
    @FunctionalInterface
    public interface Write<T, E extends Exception> {
        T run() throws E;
    }

    /** @param decisionLog the database of the decision log; {@code null}: this is it */
    private Database(Path file, Database decisionLog) {
        this.file = file.toAbsolutePath();
        this.url = "jdbc:sqlite:" + this.file;
        this.decisionLog = decisionLog == null ? this : decisionLog;
    }

    /** {@link #open(Path, Path)} with the decision log in the data directory. */
    public static Database open(Path dataDir) throws SQLException {
        return open(dataDir, dataDir);
    }

    /**
     * Opens (creating when absent) {@code dataDir/gatehouse.db} and {@code decisionLogDir/decisions.db}, applies
     * pending migrations, and moves a decision log that an earlier version kept in {@code gatehouse.db}. A
     * {@code decisions.db} left in the data directory while the log is configured elsewhere stops the start: the
     * hub would otherwise begin an empty log and leave the doors' history behind.
     */
    public static Database open(Path dataDir, Path decisionLogDir) throws SQLException {
        Path log = decisionLogDir.resolve(DECISIONS_FILE);
        Path left = dataDir.resolve(DECISIONS_FILE);
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(decisionLogDir);
            // in the data directory itself, left and log are one file, so this holds only for another directory
            if (Files.exists(left) && !Files.exists(log)) {
                throw new SQLException("the decision log is configured in " + decisionLogDir.toAbsolutePath()
                        + ", but " + left.toAbsolutePath() + " holds one: stop the hub and move decisions.db (with its"
                        + " -wal and -shm files, if any) there, or set decision-log back to the data directory");
            }
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create the data directory " + dataDir + " or the decision log's "
                    + decisionLogDir + ": " + e.getMessage(), e);
        }
        Database decisions = migrated(log, "classpath:db/decisions", null);
        Database hub = migrated(dataDir.resolve("gatehouse.db"), "classpath:db/migration", decisions);
        moveDecisionLog(hub, decisions);
        return hub;
    }

    private static Database migrated(Path file, String migrations, Database decisionLog) throws SQLException {
        Database db = new Database(file, decisionLog);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
        }
        Flyway flyway = Flyway.configure().dataSource(db.url, null, null).locations(migrations).load();
        MigrationInfo[] pending = flyway.info().pending();
        if (pending.length > 0) { // one of them may rewrite every stored image: say why the start takes a while
            LOG.info("{}: applying {} schema migration(s), up to version {}", file, pending.length,
                    pending[pending.length - 1].getVersion());
        }
        long start = System.nanoTime();
        flyway.migrate();
        if (pending.length > 0) {
            LOG.info("{}: migrated in {} ms", file, (System.nanoTime() - start) / 1_000_000);
        }
        return db;
    }

    /**
     * Until 2026-12 the decision log was the table {@code access_decision} of {@code gatehouse.db} (migration V201).
     * Its rows are copied into {@code decisions.db} unless that already holds decisions (a copy committed before a
     * crash), then the old table is dropped; each step commits on its own, so an interrupted move resumes.
     */
    private static void moveDecisionLog(Database hub, Database decisions) throws SQLException {
        try (Connection c = decisions.connectAttaching(hub, "hub"); Statement s = c.createStatement()) {
            try (ResultSet old = s.executeQuery("SELECT 1 FROM hub.sqlite_master WHERE type = 'table'"
                    + " AND name = 'access_decision'")) {
                if (!old.next()) {
                    return;
                }
            }
            c.setAutoCommit(false);
            try (ResultSet moved = s.executeQuery("SELECT EXISTS (SELECT 1 FROM main.access_decision)")) {
                if (moved.next() && !moved.getBoolean(1)) {
                    s.executeUpdate("INSERT INTO main.access_decision SELECT * FROM hub.access_decision");
                }
            }
            c.commit();
            c.setAutoCommit(true);
            s.execute("DROP TABLE hub.access_decision");
        }
    }

    /** The database's write-ahead log, {@code NAME.db-wal} (absent while no connection is open). */
    Path writeAheadLog() {
        return file.resolveSibling(file.getFileName() + "-wal");
    }

    /** The database that holds the decision log (this one, for the decision log itself). */
    public Database decisionLog() {
        return decisionLog;
    }

    /**
     * A new connection with the hub's settings. SQLite connections are cheap; each thread that needs one
     * (the writer, a query worker) keeps its own.
     */
    public Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url, CONNECTION_PROPERTIES);
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA foreign_keys=ON");
            s.execute("PRAGMA busy_timeout=5000");
            // a log that grew long (a burst, a reader on an old snapshot) is cut back to this when it starts over
            s.execute("PRAGMA journal_size_limit=" + LOG_SIZE_LIMIT);
        }
        return connection;
    }

    /**
     * A new connection to this database with {@code other} attached as {@code schema}, for queries that join the two;
     * a table name without a schema resolves to this database first.
     */
    public Connection connectAttaching(Database other, String schema) throws SQLException {
        Connection connection = connect();
        try (PreparedStatement s = connection.prepareStatement("ATTACH DATABASE ? AS " + schema)) {
            s.setString(1, other.file.toString());
            s.execute();
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /**
     * Runs {@code write} in turn with the hub's other writers. SQLite has one write lock, and a connection waiting for
     * it only polls (the busy timeout): under load the event writer, committing batch after batch, took the lock again
     * before the others polled, so a device registration failed with SQLITE_BUSY after five seconds, and a certificate
     * pinned on first use was lost that way. Writers queue here first, in arrival order (a fair lock), so each waits
     * only for the writes queued before it. Open the connection and bind the statement before asking: everyone queued
     * behind waits for whatever runs inside.
     */
    public <T, E extends Exception> T inTurn(Write<T, E> write) throws E {
        writeTurn.lock();
        try {
            return write.run();
        } finally {
            writeTurn.unlock();
        }
    }

    /** Whether a writer is queued for its turn (for tests of the order). */
    boolean writersWaiting() {
        return writeTurn.hasQueuedThreads();
    }

    public String url() {
        return url;
    }
}
