package io.gatehouse.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets old events so the store stays within its limits: events that happened longer ago than
 * {@code maxAge}, then the oldest events while the database and the images together exceed {@code maxBytes}.
 * Each step deletes at most {@code batch} events and the images no other event shows, in one short transaction
 * on the writer's connection; the writer commits new events between steps, so ingestion never waits for more
 * than one step. It also removes files a crash left in the blob store.
 */
final class Retention implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    /** A blob file younger than this may belong to an event still on its way to its commit. */
    private static final Duration ORPHAN_MIN_AGE = Duration.ofHours(1);
    private static final Duration SWEEP_EVERY = Duration.ofHours(6);

    private final RetentionSettings settings;
    private final EventWriter writer;
    private final BlobStore blobs;
    private final SqliteEventReader reader;
    private final StoreMetrics metrics;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "gatehouse-store-retention");
        thread.setDaemon(true);
        return thread;
    });

    /** What one step did. */
    record Step(String reason, int events, int images) {
        static final Step NOTHING = new Step(null, 0, 0);
    }

    Retention(RetentionSettings settings, EventWriter writer, BlobStore blobs, SqliteEventReader reader,
              StoreMetrics metrics, Clock clock) {
        this.settings = settings;
        this.writer = writer;
        this.blobs = blobs;
        this.reader = reader;
        this.metrics = metrics;
        this.clock = clock;
    }

    void start() {
        long interval = settings.interval().toMillis();
        scheduler.scheduleWithFixedDelay(this::enforce, interval, interval, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::sweepQuietly, interval, SWEEP_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs steps until both limits hold; each step waits for the writer, which commits events in between. */
    void enforce() {
        try {
            Step step;
            do {
                step = writer.call(this::step).get();
                if (step.events() > 0) {
                    metrics.retentionDeleted("events", step.reason(), step.events());
                    metrics.retentionDeleted("images", step.reason(), step.images());
                }
            } while (step.events() > 0 && !scheduler.isShutdown());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("retention failed; it will try again in {}", settings.interval(), e);
        }
    }

    /** One step on the writer's connection. */
    Step step(Connection c) throws Exception {
        if (settings.byAge()) {
            List<Long> old = seqs(c, "SELECT seq FROM events WHERE occurred_at < ? ORDER BY occurred_at LIMIT ?",
                    clock.millis() - settings.maxAge().toMillis());
            if (!old.isEmpty()) {
                return delete(c, old, "age");
            }
        }
        if (settings.bySize() && usedBytes(c) > settings.maxBytes()) {
            List<Long> oldest = seqs(c, "SELECT seq FROM events ORDER BY seq LIMIT ?", null);
            if (!oldest.isEmpty()) {
                return delete(c, oldest, "size");
            }
        }
        return Step.NOTHING;
    }

    /** The database's pages in use (freed pages are reused, not returned to the file system) plus the images. */
    long usedBytes(Connection c) throws SQLException {
        return (pragma(c, "page_count") - pragma(c, "freelist_count")) * pragma(c, "page_size") + writer.blobBytes();
    }

    private Step delete(Connection c, List<Long> seqs, String reason) throws Exception {
        String in = String.join(",", Collections.nCopies(seqs.size(), "?"));
        List<String> images = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT sha256 FROM event_images WHERE seq IN (" + in + ")")) {
            bind(s, seqs);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    images.add(rs.getString(1));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM events WHERE seq IN (" + in + ")")) {
            bind(s, seqs);
            s.executeUpdate();
        }
        int deleted = deleteImages(c, images);
        c.commit(); // when no image could go, the events' deletion is still to commit
        return new Step(reason, seqs.size(), deleted);
    }

    /** Deletes those of {@code candidates} that no event shows and none in flight has pinned; commits. */
    private int deleteImages(Connection c, List<String> candidates) throws Exception {
        long[] freed = {0};
        List<String> deleted = blobs.delete(candidates, unpinned -> {
            List<String> rows = deleteUnreferencedRows(c, unpinned, freed);
            c.commit();
            return rows;
        });
        writer.blobsDeleted(freed[0]);
        return deleted.size();
    }

    private static List<String> deleteUnreferencedRows(Connection c, List<String> candidates, long[] freed)
            throws SQLException {
        List<String> deleted = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                DELETE FROM blobs WHERE sha256 = ?
                  AND NOT EXISTS (SELECT 1 FROM event_images WHERE event_images.sha256 = blobs.sha256)
                RETURNING size""")) {
            for (String hash : candidates) {
                s.setString(1, hash);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        deleted.add(hash);
                        freed[0] += rs.getLong(1);
                    }
                }
            }
        }
        return deleted;
    }

    /**
     * Deletes what crashes and duplicates leave: temporary files, image files no row names, and image rows no event
     * references (an image that came only with a duplicate, or whose event's deletion raced its arrival).
     */
    long sweep() throws Exception {
        long deleted = 0;
        int step;
        do {
            step = writer.call(c -> deleteImages(c, unreferencedImages(c))).get();
            deleted += step;
        } while (step > 0);
        List<String> old = blobs.sweep(ORPHAN_MIN_AGE);
        for (int from = 0; from < old.size(); from += settings.batch()) {
            List<String> chunk = old.subList(from, Math.min(old.size(), from + settings.batch()));
            deleted += reader.onReader(c -> blobs.delete(chunk, unpinned -> {
                List<String> unknown = new ArrayList<>();
                for (String hash : unpinned) {
                    if (!reader.knowsBlob(c, hash)) {
                        unknown.add(hash);
                    }
                }
                return unknown;
            }).size()).toCompletableFuture().get();
        }
        if (deleted > 0) {
            LOG.info("removed {} image files that no event referenced (left by an earlier crash)", deleted);
        }
        return deleted;
    }

    private List<String> unreferencedImages(Connection c) throws SQLException {
        List<String> hashes = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT sha256 FROM blobs WHERE stored_at < ?
                  AND NOT EXISTS (SELECT 1 FROM event_images WHERE event_images.sha256 = blobs.sha256)
                LIMIT ?""")) {
            s.setLong(1, clock.millis() - ORPHAN_MIN_AGE.toMillis());
            s.setInt(2, settings.batch());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    hashes.add(rs.getString(1));
                }
            }
        }
        return hashes;
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("the blob store sweep failed; it will try again in {}", SWEEP_EVERY, e);
        }
    }

    private List<Long> seqs(Connection c, String sql, Long bound) throws SQLException {
        List<Long> seqs = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            if (bound != null) {
                s.setLong(i++, bound);
            }
            s.setInt(i, settings.batch());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                }
            }
        }
        return seqs;
    }

    private static long pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static void bind(PreparedStatement s, List<Long> values) throws SQLException {
        int i = 1;
        for (Long value : values) {
            s.setLong(i++, value);
        }
    }

    @Override
    public void close() throws InterruptedException {
        scheduler.shutdownNow();
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
    }
}
