package io.gatehouse.server.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;

/**
 * The hub's embedded SQLite database in the data directory: WAL journal (readers never wait for the writer),
 * {@code synchronous=FULL} (a commit survives power loss), migrated by Flyway from
 * {@code db/migration} on the classpath. Migration version ranges are owned by feature: 1-99 events and
 * images, 100-199 devices, 200-299 access control,
 * 300-399 forwarding.
 */
public final class Database {
    private final String url;
    private final ReentrantLock writeTurn = new ReentrantLock(true);

    /** One write: a statement or a transaction on a connection of this database. */
    @FunctionalInterface
    public interface Write<T, E extends Exception> {
        T run() throws E;
    }

    private Database(String url) {
        this.url = url;
    }

    /** Opens (creating when absent) {@code dataDir/gatehouse.db} and applies pending migrations. */
    public static Database open(Path dataDir) throws SQLException {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create the data directory " + dataDir + ": " + e.getMessage(), e);
        }
        Database db = new Database("jdbc:sqlite:" + dataDir.resolve("gatehouse.db").toAbsolutePath());
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
        }
        Flyway.configure()
                .dataSource(db.url, null, null)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return db;
    }

    /**
     * A new connection with the hub's settings. SQLite connections are cheap; each thread that needs one
     * (the writer, a query worker) keeps its own.
     */
    public Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA foreign_keys=ON");
            s.execute("PRAGMA busy_timeout=5000");
        }
        return connection;
    }

    /**
     * Runs {@code write} in turn with the hub's other writers. SQLite has one write lock, and a connection waiting for
     * it only polls (the busy timeout): under load the event writer, committing batch after batch, took the lock again
     * before the others polled, so a device registration failed with SQLITE_BUSY after five seconds, and a certificate
     * pinned on first use was lost that way. Writers queue here first, in arrival order (a fair lock), so each waits
     * only for the writes queued before it.
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
