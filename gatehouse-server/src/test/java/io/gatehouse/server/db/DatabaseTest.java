package io.gatehouse.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers take turns: one that writes back to back (the event writer under load) cannot starve the others. The
 * decision log lives in a file of its own, and moves there from where an earlier version kept it.
 */
class DatabaseTest {

    @TempDir
    Path data;

    @Test
    void aWriterQueuedBehindOneThatWritesBackToBackGetsTheNextTurn() throws Exception {
        Database database = Database.open(data);
        try (Connection busy = database.connect(); Connection other = database.connect();
             Statement s = busy.createStatement()) {
            s.execute("CREATE TABLE t (v INTEGER)");
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<CountDownLatch> held = new AtomicReference<>();
            AtomicInteger busyWrites = new AtomicInteger();
            Thread hog = new Thread(() -> {
                try (Statement w = busy.createStatement()) {
                    while (!stop.get()) {
                        database.inTurn(() -> {
                            w.executeUpdate("INSERT INTO t VALUES (1)");
                            CountDownLatch holding = held.getAndSet(null);
                            if (holding != null) {
                                // keep this turn until the other writer is queued, so the test knows who waits
                                holding.countDown();
                                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                                while (!database.writersWaiting() && System.nanoTime() < deadline) {
                                    Thread.onSpinWait();
                                }
                            }
                            return null;
                        });
                        busyWrites.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            hog.start();
            try {
                for (int round = 0; round < 10; round++) {
                    CountDownLatch holding = new CountDownLatch(1);
                    held.set(holding);
                    assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

                    int before = busyWrites.get();
                    int during = database.inTurn(() -> {
                        try (Statement w = other.createStatement()) {
                            w.executeUpdate("INSERT INTO t VALUES (2)");
                        }
                        return busyWrites.get();
                    });
                    // the writer that was in its turn finishes it; then the queued one goes before its next turn
                    assertThat(during - before).as("round %d", round).isLessThanOrEqualTo(1);
                }
            } finally {
                stop.set(true);
                hog.join(TimeUnit.SECONDS.toMillis(30));
            }
        }
    }

    @Test
    void theDecisionLogHasItsOwnFileSoItsCommitsNeverWaitForTheEventStoresLock() throws Exception {
        Database hub = Database.open(data);
        Database log = hub.decisionLog();
        assertThat(data.resolve("decisions.db")).exists();
        try (Connection events = hub.connect(); Connection decisions = log.connect();
             Statement e = events.createStatement(); Statement d = decisions.createStatement()) {
            events.setAutoCommit(false);
            e.executeUpdate("INSERT INTO store_probe (id, probed_at) VALUES (1, 1)"); // the hub's write lock is held
            d.executeUpdate(decision("d1"));
            assertThat(count(d, "SELECT count(*) FROM access_decision")).isEqualTo(1);
            events.rollback();
        }
        try (Connection c = log.connectAttaching(hub, "hub"); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT count(*) FROM access_decision d LEFT JOIN events p"
                    + " ON p.dedupe_key = d.passage_key")).as("a join across the two files").isEqualTo(1);
        }
    }

    @Test
    void theDecisionLogMayLiveInADirectoryOfItsOwn(@TempDir Path disk) throws Exception {
        Database hub = Database.open(data, disk.resolve("decisions"));

        assertThat(disk.resolve("decisions/decisions.db")).exists();
        assertThat(data.resolve("decisions.db")).doesNotExist();
        try (Connection c = hub.decisionLog().connect(); Statement s = c.createStatement()) {
            s.executeUpdate(decision("d1"));
        }
        try (Connection c = hub.decisionLog().connectAttaching(hub, "hub"); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT count(*) FROM access_decision d LEFT JOIN events p"
                    + " ON p.dedupe_key = d.passage_key")).as("a join across the two directories").isEqualTo(1);
        }
    }

    @Test
    void aDecisionLogLeftInTheDataDirectoryStopsAStartThatLooksForItElsewhere(@TempDir Path disk) throws Exception {
        Database.open(data);

        assertThatThrownBy(() -> Database.open(data, disk)).isInstanceOf(SQLException.class)
                .hasMessageContaining(data.resolve("decisions.db").toAbsolutePath().toString())
                .hasMessageContaining("move decisions.db");
        assertThat(disk.resolve("decisions.db")).as("no empty log begun").doesNotExist();
    }

    @Test
    void aDecisionLogKeptInGatehouseDbByAnEarlierVersionMovesToItsOwnFile() throws Exception {
        Database.open(data);
        String table = new String(DatabaseTest.class.getResourceAsStream("/db/migration/V201__access_decisions.sql")
                .readAllBytes(), StandardCharsets.UTF_8);
        try (Connection c = Database.open(data).connect(); Statement s = c.createStatement()) {
            s.executeUpdate(table.substring(table.indexOf("CREATE TABLE"), table.indexOf("CREATE INDEX")));
            s.executeUpdate(decision("old-1"));
            s.executeUpdate(decision("old-2"));
        }
        Files.delete(data.resolve("decisions.db"));
        Files.deleteIfExists(data.resolve("decisions.db-wal"));
        Files.deleteIfExists(data.resolve("decisions.db-shm"));

        Database hub = Database.open(data);
        try (Connection c = hub.decisionLog().connect(); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT count(*) FROM access_decision WHERE id IN ('old-1', 'old-2')")).isEqualTo(2);
            s.executeUpdate(decision("new-1"));
            assertThat(count(s, "SELECT max(seq) FROM access_decision")).as("seq continues after the moved rows")
                    .isEqualTo(3);
        }
        try (Connection c = hub.connect(); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT count(*) FROM sqlite_master WHERE name = 'access_decision'")).isZero();
        }
        Database.open(data);
        try (Connection c = hub.decisionLog().connect(); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT count(*) FROM access_decision")).as("opened again: nothing moves twice")
                    .isEqualTo(3);
        }
    }

    private static String decision(String id) {
        return "INSERT INTO access_decision (id, decided_at, device_serial, pass, step, reason, fail_mode, elapsed_us,"
                + " notes, input) VALUES ('" + id + "', 1, 'PSC700C0MC22F02542', 1, 'ALLOW', 'ALLOWED', 0, 5, '[]', '{}')";
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
