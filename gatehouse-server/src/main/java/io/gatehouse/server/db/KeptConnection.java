package io.gatehouse.server.db;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A connection that one thread keeps open between its writes (opening one per write costs each write a file open and
 * the pragmas), opened on first use and dropped after a failure so that the next write starts on a fresh one, with
 * whatever the failed one had begun rolled back. Not thread-safe: it belongs to the one thread that writes.
 */
public final class KeptConnection implements AutoCloseable {
    /** What the owner sets on each connection it is given. */
    @FunctionalInterface
    public interface Setup {
        void apply(Connection connection) throws SQLException;
    }

    private final Database database;
    private final boolean autoCommit;
    private final Setup setup;
    private Connection connection;

    /** @param autoCommit false for an owner that commits its own transactions */
    public KeptConnection(Database database, boolean autoCommit) {
        this(database, autoCommit, c -> { });
    }

    public KeptConnection(Database database, boolean autoCommit, Setup setup) {
        this.database = database;
        this.autoCommit = autoCommit;
        this.setup = setup;
    }

    /** The open connection, or a new one. */
    public Connection get() throws SQLException {
        if (connection == null) {
            Connection opened = database.connect();
            try {
                opened.setAutoCommit(autoCommit);
                setup.apply(opened);
            } catch (SQLException e) {
                opened.close();
                throw e;
            }
            connection = opened;
        }
        return connection;
    }

    /** Closes the connection, ignoring a failure to close a broken one; the next {@link #get} opens another. */
    public void discard() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // a broken connection: nothing more to release
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        discard();
    }
}
