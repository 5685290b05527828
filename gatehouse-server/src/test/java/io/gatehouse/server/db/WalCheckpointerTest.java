package io.gatehouse.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer served by the checkpointer commits without copying its log into the database file (SQLite would have done
 * so inside the commit past 1,000 pages); the checkpointer copies it soon after, and times it.
 */
class WalCheckpointerTest {
    private static final int ROWS = 200;
    private static final int ROW_BYTES = 40_000; // 8 MB: about 2,000 pages of log

    /** A WAL frame: a 24-byte header and a 4 KiB page. */
    private static final int FRAME_BYTES = 4_120;

    @TempDir
    Path data;
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    @Test
    void theWritersCommitLeavesTheCheckpointToTheCheckpointer() throws Exception {
        Database database = Database.open(data);
        Path file = data.resolve("gatehouse.db");
        try (WalCheckpointer checkpointer = checkpointer(database);
             Connection writer = database.connect()) {
            WalCheckpointer.detach(writer);
            try (Statement s = writer.createStatement()) {
                s.execute("CREATE TABLE filler (bytes BLOB NOT NULL)");
            }
            long before = Files.size(file);
            long logged = (long) ROWS * ROW_BYTES;
            writer.setAutoCommit(false);
            try (PreparedStatement insert = writer.prepareStatement("INSERT INTO filler (bytes) VALUES (?)")) {
                for (int i = 0; i < ROWS; i++) {
                    insert.setBytes(1, new byte[ROW_BYTES]);
                    insert.executeUpdate();
                }
            }
            writer.commit();
            assertThat(Files.size(file)).as("the commit copied nothing into the database file")
                    .isLessThan(before + logged / 2);

            checkpointer.committed();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Files.size(file) >= before + logged);
            // the file has its pages before the checkpoint returns and is timed
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(metrics.get("gatehouse.db.checkpoint")
                    .tag("database", "events").timer().count()).as("the checkpoint was timed").isPositive());
        }
    }

    /**
     * The decision log commits hundreds of times a second, so its writer always added frames while the PASSIVE
     * checkpoint copied, SQLite never started the log over, and it grew by a gigabyte in a load run. The checkpointer
     * now finishes a RESTART checkpoint in the writers' turn, and the log stays a few checkpoints' worth long.
     */
    @Test
    void aWriterThatNeverPausesStillHasItsLogStartOver() throws Exception {
        Database database = Database.open(data);
        Path log = data.resolve("gatehouse.db-wal");
        int commits = 3_000;
        try (WalCheckpointer checkpointer = checkpointer(database);
             Connection writer = database.connect()) {
            createDecisions(writer);
            commitWithoutPause(database, checkpointer, writer, commits);
            // each commit changes seven pages or more; started over, the log holds the frames of a few hundred
            long frames = Files.size(log) / FRAME_BYTES;
            assertThat(frames).as("the log started over instead of growing by every commit")
                    .isLessThan(3L * commits);
            assertThat(restarts()).isPositive();
            assertThat(metrics.get("gatehouse.db.wal.bytes").tag("database", "events").gauge().value())
                    .as("the log's length, for operators").isEqualTo(Files.size(log));
        }
    }

    /**
     * A reader on an old snapshot (an online backup) keeps the RESTART from finishing. Then the writers are held for
     * another try only once the log has grown by as much again, not at every checkpoint.
     */
    @Test
    void aReaderOnAnOldSnapshotIsWaitedForOnlyAsTheLogGrows() throws Exception {
        Database database = Database.open(data);
        Path log = data.resolve("gatehouse.db-wal");
        try (WalCheckpointer checkpointer = checkpointer(database);
             Connection writer = database.connect(); Connection reader = database.connect()) {
            createDecisions(writer);
            reader.setAutoCommit(false);
            try (Statement s = reader.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM decision")) {
                rs.next(); // the transaction stays open: its snapshot is held until the commit below
            }
            commitWithoutPause(database, checkpointer, writer, 2_000);
            long frames = Files.size(log) / FRAME_BYTES;
            assertThat(frames).as("the reader kept the log from starting over").isGreaterThan(2L * WalCheckpointer.RESTART_AFTER_FRAMES);
            assertThat(restarts()).isPositive()
                    .isLessThanOrEqualTo(frames / WalCheckpointer.RESTART_AFTER_FRAMES + 1);
            reader.commit();
        }
    }

    private static void createDecisions(Connection writer) throws SQLException {
        try (Statement s = writer.createStatement()) {
            // like the decision log: rows keyed by random ids, so each commit changes leaves all over the indexes
            s.execute("CREATE TABLE decision (id TEXT NOT NULL UNIQUE, person TEXT NOT NULL, input TEXT NOT NULL)");
            s.execute("CREATE INDEX decision_by_person ON decision (person)");
        }
    }

    /**
     * Commits three decision-sized rows at a time into the table {@link #createDecisions} made, at most 1,000 times a
     * second, as the decision log's writer does.
     */
    private static void commitWithoutPause(Database database, WalCheckpointer checkpointer, Connection writer,
                                           int commits) throws Exception {
        WalCheckpointer.detach(writer);
        writer.setAutoCommit(false);
        try (PreparedStatement insert = writer.prepareStatement("INSERT INTO decision VALUES (?, ?, ?)")) {
            for (int i = 0; i < commits; i++) {
                database.inTurn(() -> {
                    for (int row = 0; row < 3; row++) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, UUID.randomUUID().toString());
                        insert.setString(3, "x".repeat(1_000));
                        insert.executeUpdate();
                    }
                    writer.commit();
                    return null;
                });
                checkpointer.committed();
                Thread.sleep(1); // so that one checkpoint's interval adds a bounded log
            }
        }
    }

    /** A checkpointer of {@code database}, timed into {@link #metrics} as the event database's. */
    private WalCheckpointer checkpointer(Database database) {
        return new WalCheckpointer(database, "test-checkpoint", metrics, "events");
    }

    private long restarts() {
        return metrics.get("gatehouse.db.checkpoint.restart").tag("database", "events").timer().count();
    }
}
