package io.gatehouse.server.db;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a database's write-ahead log into the database (a checkpoint) on a thread of its own, for a writer whose
 * commits must not do it. SQLite's automatic checkpoint runs inside the commit that takes the log past 1,000 pages:
 * with images in the rows that was every few dozen events, and that commit, with every event or door queued
 * behind it, waited while 4 MB were copied and the database file synced. The writer's connection turns the
 * automatic checkpoint off ({@link #detach}) and says when it committed; after a commit, at most every
 * {@value #EVERY_MILLIS} ms, this runs a PASSIVE checkpoint, which never waits for readers or the writer. A
 * checkpoint that cannot finish (a reader still on an old snapshot) leaves the rest for the next one, as the
 * automatic one would.
 *
 * <p>SQLite starts the log over from its beginning only when a writer begins after a checkpoint that copied every
 * frame. A writer that commits all the time (the decision log at 600 commits/s) always adds frames while the
 * PASSIVE checkpoint copies, so the log never started over: it grew by a gigabyte in a two-minute load run, and every
 * commit wrote new blocks at its end (the kernel zeroing each new page, the file's size synced with each commit).
 * When the log holds more than {@value #RESTART_AFTER_FRAMES} frames, this therefore finishes a RESTART checkpoint in
 * the writers' turn ({@link Database#inTurn}): it copies what the PASSIVE one left (a few milliseconds' worth of
 * commits), and the next commit writes the log from its beginning again, into blocks the file already has.
 */
public final class WalCheckpointer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);
    /** At 2,000 events/s with 23 KB images the log grows by about 9 MB in this time: one sequential copy. */
    static final long EVERY_MILLIS = 200;
    /** 16 MiB of 4 KiB pages: more than the log gains between two checkpoints unless it has stopped starting over. */
    static final int RESTART_AFTER_FRAMES = 4_096;

    /** How long a RESTART checkpoint, holding the writers' turn, waits for a reader to leave an old snapshot. */
    static final int READERS_WAIT_MILLIS = 20;

    private final Database database;
    private final KeptConnection connection;
    private final AtomicBoolean committed = new AtomicBoolean();
    private final ScheduledExecutorService timer;
    private final Timer durations;
    private final Timer restarts;
    /** Frames past which the next RESTART is tried; raised while a reader keeps one from finishing. */
    private int restartAt = RESTART_AFTER_FRAMES;

    /**
     * Times each checkpoint ({@code gatehouse_db_checkpoint_seconds{database=...}}): a checkpoint syncs the database
     * file, and its duration beside the writers' commit timers shows whether their slow commits follow it.
     *
     * @param name of its thread
     * @param databaseName the {@code database} tag: {@code events} or {@code decisions}
     */
    public WalCheckpointer(Database database, String name, MeterRegistry metrics, String databaseName) {
        this.durations = Timer.builder("gatehouse.db.checkpoint").tag("database", databaseName)
                .description("one PASSIVE checkpoint: copying the write-ahead log into the database and syncing it")
                .publishPercentiles(0.5, 0.99, 0.999).register(metrics);
        this.restarts = Timer.builder("gatehouse.db.checkpoint.restart").tag("database", databaseName)
                .description("one RESTART checkpoint in the writers' turn, which they wait out: the log had stopped"
                        + " starting over").register(metrics);
        this.database = database;
        Path log = database.writeAheadLog();
        Gauge.builder("gatehouse.db.wal.bytes", () -> sizeOf(log)).tag("database", databaseName).baseUnit("bytes")
                .description("length of the write-ahead log file; it should stay near what a few checkpoints copy")
                .register(metrics);
        // the RESTART waits for readers on an old snapshot while the writers wait for their turn: briefly, then the
        // next checkpoint tries again
        this.connection = new KeptConnection(database, true, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout=" + READERS_WAIT_MILLIS);
            }
        });
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::checkpoint, EVERY_MILLIS, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Turns off the automatic checkpoint of {@code writer}, a connection this checkpointer serves. */
    public static void detach(Connection writer) throws SQLException {
        try (Statement s = writer.createStatement()) {
            s.execute("PRAGMA wal_autocheckpoint=0");
        }
    }

    /** The served writer committed: the log has pages to copy. */
    public void committed() {
        committed.set(true);
    }

    private void checkpoint() {
        if (!committed.getAndSet(false)) {
            return;
        }
        long start = System.nanoTime();
        try (Statement s = connection.get().createStatement()) {
            Outcome passive = checkpoint(s, "PASSIVE");
            durations.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            if (passive.frames() > restartAt) {
                Outcome restart = database.inTurn(() -> {
                    long held = System.nanoTime();
                    Outcome finished = checkpoint(s, "RESTART");
                    restarts.record(System.nanoTime() - held, TimeUnit.NANOSECONDS);
                    return finished;
                });
                // a reader on an old snapshot (an online backup runs for minutes) kept it from finishing: holding
                // the writers every 200 ms for nothing would cost them more than the longer log
                restartAt = restart.busy() ? passive.frames() + RESTART_AFTER_FRAMES : RESTART_AFTER_FRAMES;
            }
        } catch (SQLException e) {
            LOG.warn("checkpoint of the write-ahead log failed; trying again after the next commit: {}", e.getMessage());
            connection.discard();
        }
    }

    private static double sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) { // not there between the last connection's close and the next open
            return 0;
        }
    }

    /** SQLite's answer to a checkpoint: whether a reader or writer kept it from finishing, and the log's frames. */
    private record Outcome(boolean busy, int frames) {
    }

    private static Outcome checkpoint(Statement s, String mode) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
            rs.next();
            return new Outcome(rs.getInt(1) != 0, rs.getInt(2));
        }
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(10, TimeUnit.SECONDS);
        connection.close();
    }
}
