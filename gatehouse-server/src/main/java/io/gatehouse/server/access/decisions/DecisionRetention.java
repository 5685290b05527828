package io.gatehouse.server.access.decisions;

import io.gatehouse.server.db.Database;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets decision-log entries decided longer ago than {@code maxAge} ({@code retention.decision-max-age}), every
 * {@code interval}, at most {@code batch} rows per transaction so the log's writer (and with it a durable answer)
 * never waits long behind a deletion. The log names people and their faces' outcomes; a site that must not keep
 * them forever sets the age. Off (nothing deleted, no thread) while the age is zero.
 */
public final class DecisionRetention implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionRetention.class);
    private static final String DELETE = "DELETE FROM access_decision WHERE seq IN (SELECT seq FROM access_decision"
            + " WHERE decided_at < ? ORDER BY seq LIMIT ?)";

    private final Database database;
    private final Duration maxAge;
    private final int batch;
    private final Counter deleted;
    private final ScheduledExecutorService scheduler;

    private DecisionRetention(Database database, Duration maxAge, Duration interval, int batch, MeterRegistry metrics) {
        this.database = database.decisionLog();
        this.maxAge = maxAge;
        this.batch = batch;
        this.deleted = Counter.builder("gatehouse.access.decision_log.deleted")
                .description("decision-log entries deleted for their age (retention.decision-max-age)")
                .register(metrics);
        if (maxAge.isZero()) {
            this.scheduler = null;
            return;
        }
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "gatehouse-decision-retention");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::runLogged, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Starts deleting entries older than {@code maxAge} every {@code interval}; a zero age starts nothing. */
    public static DecisionRetention start(Database database, Duration maxAge, Duration interval, int batch,
                                          MeterRegistry metrics) {
        return new DecisionRetention(database, maxAge, interval, batch, metrics);
    }

    private void runLogged() {
        try {
            long rows = deleteOlderThan(Instant.now().minus(maxAge));
            if (rows > 0) {
                LOG.info("decision log: deleted {} entries decided before the last {}", rows, maxAge);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("decision log retention failed; it runs again in the next interval: {}", e.getMessage());
        }
    }

    /** Deletes, {@code batch} rows per transaction, the entries decided before {@code cutoff}; returns how many. */
    long deleteOlderThan(Instant cutoff) throws SQLException {
        long total = 0;
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(DELETE)) {
            int rows;
            do {
                s.setLong(1, cutoff.toEpochMilli());
                s.setInt(2, batch);
                rows = database.inTurn(s::executeUpdate);
                total += rows;
                deleted.increment(rows);
            } while (rows == batch);
        }
        return total;
    }

    @Override
    public void close() throws InterruptedException {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
