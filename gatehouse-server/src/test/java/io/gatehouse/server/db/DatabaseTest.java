package io.gatehouse.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writers take turns: one that writes back to back (the event writer under load) cannot starve the others. */
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
            AtomicInteger busyWrites = new AtomicInteger();
            CountDownLatch writing = new CountDownLatch(1);
            Thread hog = new Thread(() -> {
                try (Statement w = busy.createStatement()) {
                    while (!stop.get()) {
                        database.inTurn(() -> w.executeUpdate("INSERT INTO t VALUES (1)"));
                        busyWrites.incrementAndGet();
                        writing.countDown();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            hog.start();
            assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();

            int before = busyWrites.get();
            int during = database.inTurn(() -> {
                try (Statement w = other.createStatement()) {
                    w.executeUpdate("INSERT INTO t VALUES (2)");
                }
                return busyWrites.get();
            });
            stop.set(true);
            hog.join(TimeUnit.SECONDS.toMillis(30));

            // the writer that was already in its turn finishes it; then the queued one goes first
            assertThat(during - before).isLessThanOrEqualTo(2);
        }
    }
}
