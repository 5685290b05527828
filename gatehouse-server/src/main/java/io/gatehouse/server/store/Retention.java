package io.gatehouse.server.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * than one step. It also removes images no event shows any more, and files a crash of an earlier hub left in
 * {@code DATA/blobs}, and deletes the {@link ImageLog}'s segments that no image is in any more.
 */
final class Retention implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    private static final Duration SWEEP_EVERY = Duration.ofHours(6);

    private final RetentionSettings settings;
    private final EventWriter writer;
    private final ImageFiles files;
    private final ImageLog images;
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

    Retention(RetentionSettings settings, EventWriter writer, ImageFiles files, ImageLog images,
              SqliteEventReader reader, StoreMetrics metrics, Clock clock) {
        this.settings = settings;
        this.writer = writer;
        this.files = files;
        this.images = images;
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
            int segments = writer.call(this::segments).get();
            if (segments > 0) {
                metrics.retentionDeleted("segments", "unused", segments);
            }
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

    /**
     * The database's pages in use (freed pages are reused, not returned to the file system), plus the images in
     * segments and those an earlier hub kept in files. The images, not the segments' length: what deleting events
     * can free (the segment being appended to is not deleted, whatever its images).
     */
    long usedBytes(Connection c) throws SQLException {
        return (pragma(c, "page_count") - pragma(c, "freelist_count")) * pragma(c, "page_size")
                + images.liveBytes() + files.bytes();
    }

    /**
     * Deletes the closed segments no image is in any more; and when one holds images of less than a quarter of its
     * length, copies them to the current segment and deletes it, one such segment per call: a photo shown again and
     * again (a person's registered photo) would otherwise keep a whole old segment on disk.
     *
     * @return the segments deleted
     */
    int segments(Connection c) throws Exception {
        int deleted = 0;
        Long sparse = null;
        for (Map.Entry<Long, ImageLog.Segment> segment : images.closedSegments().entrySet()) {
            if (segment.getValue().live() == 0) {
                long held = bytesIn(c, segment.getKey());
                if (held == 0) {
                    images.delete(segment.getKey());
                    deleted++;
                } else {
                    LOG.warn("image segment {} holds {} bytes of images its count missed; kept", segment.getKey(),
                            held);
                }
            } else if (sparse == null && segment.getValue().live() * 4 < segment.getValue().length()) {
                sparse = segment.getKey();
            }
        }
        if (sparse != null) {
            int moved = move(c, sparse);
            images.delete(sparse);
            deleted++;
            LOG.info("moved {} images out of image segment {} and deleted it", moved, sparse);
        }
        return deleted;
    }

    /**
     * The bytes of the images the database places in {@code segment}, asked before deleting it: the count kept in
     * memory says it is empty, and a file is not deleted on a count alone.
     */
    private static long bytesIn(Connection c, long segment) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT total(size) FROM images WHERE log_segment = ?")) {
            s.setLong(1, segment);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** Copies the images of {@code segment} to the current one and commits their new places. */
    private int move(Connection c, long segment) throws Exception {
        int moved = 0;
        try (PreparedStatement find = c.prepareStatement(
                "SELECT id, log_offset, size, lower(hex(sha256)) FROM images WHERE log_segment = ?"
                        + " ORDER BY log_offset");
             PreparedStatement update = c.prepareStatement(
                     "UPDATE images SET log_segment = ?, log_offset = ? WHERE id = ?")) {
            find.setLong(1, segment);
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    byte[] bytes = images.read(segment, rs.getLong(2), rs.getInt(3), rs.getString(4));
                    ImageLog.Location at = images.next();
                    images.append(bytes);
                    update.setLong(1, at.segment());
                    update.setLong(2, at.offset());
                    update.setLong(3, rs.getLong(1));
                    update.executeUpdate();
                    moved++;
                }
            }
        }
        images.sync();
        c.commit();
        images.committed();
        return moved;
    }

    private Step delete(Connection c, List<Long> seqs, String reason) throws Exception {
        String in = String.join(",", Collections.nCopies(seqs.size(), "?"));
        List<Long> images = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT image FROM event_images WHERE seq IN (" + in + ")")) {
            bind(s, seqs);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    images.add(rs.getLong(1));
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

    /**
     * Deletes those of {@code candidates} that no event shows, commits, then deletes the files of those an earlier hub
     * kept in files. The writer runs this between batches, so no event can come to reference an image meanwhile.
     */
    private int deleteImages(Connection c, List<Long> candidates) throws Exception {
        int deleted = 0;
        long freed = 0;
        Map<String, Long> inFiles = new HashMap<>();
        Map<Long, Long> inSegments = new HashMap<>();
        try (PreparedStatement delete = c.prepareStatement("""
                DELETE FROM images WHERE id = ?
                  AND NOT EXISTS (SELECT 1 FROM event_images WHERE event_images.image = images.id)
                RETURNING size, lower(hex(sha256)), log_segment""");
             PreparedStatement inFile = c.prepareStatement(
                     "SELECT " + ImageFiles.KEPT_HERE + " FROM images i WHERE i.id = ?")) {
            for (long id : candidates) {
                inFile.setLong(1, id);
                boolean file;
                try (ResultSet rs = inFile.executeQuery()) {
                    file = rs.next() && rs.getBoolean(1);
                }
                delete.setLong(1, id);
                try (ResultSet rs = delete.executeQuery()) {
                    if (rs.next()) {
                        freed += rs.getLong(1);
                        if (file) {
                            inFiles.put(rs.getString(2), rs.getLong(1));
                        }
                        long segment = rs.getLong(3);
                        if (!rs.wasNull()) {
                            inSegments.merge(segment, rs.getLong(1), Long::sum);
                        }
                        deleted++;
                    }
                }
            }
        }
        c.commit();
        writer.blobsDeleted(freed);
        inSegments.forEach(images::released);
        for (Map.Entry<String, Long> image : inFiles.entrySet()) {
            files.deleted(image.getKey(), image.getValue());
        }
        return deleted;
    }

    /**
     * Deletes what duplicates and crashes leave: image rows no event references (an image that came only with a
     * duplicate), and in {@code DATA/blobs} temporary files and image files no row names.
     */
    long sweep() throws Exception {
        long deleted = 0;
        int step;
        do {
            step = writer.call(c -> deleteImages(c, unreferencedImages(c))).get();
            deleted += step;
        } while (step > 0);
        List<Path> inFiles = files.sweep();
        for (int from = 0; from < inFiles.size(); from += settings.batch()) {
            List<Path> chunk = inFiles.subList(from, Math.min(inFiles.size(), from + settings.batch()));
            deleted += reader.onReader(c -> {
                int orphans = 0;
                for (Path file : chunk) {
                    if (!reader.knowsBlob(c, file.getFileName().toString())) {
                        Files.deleteIfExists(file);
                        orphans++;
                    }
                }
                return orphans;
            }).toCompletableFuture().get();
        }
        if (deleted > 0) {
            LOG.info("removed {} images that no event referenced", deleted);
        }
        return deleted;
    }

    private List<Long> unreferencedImages(Connection c) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT id FROM images
                 WHERE NOT EXISTS (SELECT 1 FROM event_images WHERE event_images.image = images.id)
                LIMIT ?""")) {
            s.setInt(1, settings.batch());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("the image sweep failed; it will try again in {}", SWEEP_EVERY, e);
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
