package io.gatehouse.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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
}
