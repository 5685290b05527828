package io.gatehouse.server.store;

import io.gatehouse.core.store.AppendResult;
import io.gatehouse.core.store.Ingested;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The SQL of one group commit, on the writer's connection: the batch's images (for each image the store does not hold
 * yet, a row and its bytes, appended to the {@link ImageLog} or, in a light batch, in {@code image_bytes}; the number
 * of each, new or not), then each event unless its dedupe key is already stored (in an earlier commit or earlier in
 * this batch), then its image references by number. The caller syncs the log, then commits.
 */
final class BatchInsert implements AutoCloseable {
    private static final HexFormat HEX = HexFormat.of();

    private final PreparedStatement insertImage;
    private final PreparedStatement findImage;
    private final PreparedStatement insertBytes;
    private final PreparedStatement insertEvent;
    private final PreparedStatement findEvent;
    private final PreparedStatement insertReference;
    private final PreparedStatement lastRowId;
    private final ImageLog log;
    /** The number of each of the batch's images by hash, filled by {@link #images} for {@link #events}. */
    private final Map<String, Long> imageIds = new HashMap<>();

    BatchInsert(Connection connection, ImageLog log) throws SQLException {
        this.log = log;
        insertImage = connection.prepareStatement("""
                INSERT INTO images (sha256, size, media_type, stored_at, log_segment, log_offset)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (sha256) DO NOTHING""");
        findImage = connection.prepareStatement("SELECT id FROM images WHERE sha256 = ?");
        insertBytes = connection.prepareStatement("INSERT INTO image_bytes (id, bytes) VALUES (?, ?)");
        insertEvent = connection.prepareStatement("""
                INSERT INTO events (dedupe_key, type, kind, device_id, device_serial, camera_id, channel, occurred_at,
                                    received_at, late_by_ms, person_id, person_name, passed, alarm_code, alarm_status,
                                    event_json, payload_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (dedupe_key) DO NOTHING""");
        findEvent = connection.prepareStatement("SELECT seq, late_by_ms FROM events WHERE dedupe_key = ?");
        insertReference = connection.prepareStatement(
                "INSERT INTO event_images (seq, position, image, kind) VALUES (?, ?, ?, ?)");
        lastRowId = connection.prepareStatement("SELECT last_insert_rowid()");
    }

    /** What {@link #images} added: images new to the store, of all the batch's images, and whether to segments. */
    record AddedImages(int images, long bytes, int of, boolean toSegment) {
    }

    /**
     * Stores the batch's images the store does not hold yet, their bytes in the {@link ImageLog} or, when the batch's
     * images weigh too little for it ({@link ImageLog#takes}), in the database; an image already stored is only
     * referenced.
     */
    AddedImages images(List<PreparedEvent> batch, long now) throws SQLException, IOException {
        imageIds.clear();
        boolean toLog = log.takes(imageBytes(batch));
        int added = 0;
        long bytes = 0;
        int all = 0;
        for (PreparedEvent event : batch) {
            for (BlobImage image : event.images()) {
                all++;
                if (imageIds.containsKey(image.sha256())) {
                    continue;
                }
                byte[] key = HEX.parseHex(image.sha256());
                insertImage.setBytes(1, key);
                insertImage.setLong(2, image.size());
                insertImage.setString(3, image.mediaType());
                insertImage.setLong(4, now);
                ImageLog.Location at = toLog ? log.next() : null;
                setNullable(insertImage, 5, at == null ? null : at.segment(), Types.BIGINT);
                setNullable(insertImage, 6, at == null ? null : at.offset(), Types.BIGINT);
                Long id = inserted(insertImage);
                if (id == null) {
                    findImage.setBytes(1, key);
                    id = firstLong(findImage);
                } else {
                    if (toLog) {
                        log.append(image.bytes());
                    } else {
                        insertBytes.setLong(1, id);
                        insertBytes.setBytes(2, image.bytes());
                        insertBytes.executeUpdate();
                    }
                    added++;
                    bytes += image.size();
                }
                imageIds.put(image.sha256(), id);
            }
        }
        return new AddedImages(added, bytes, all, toLog);
    }

    private static long imageBytes(List<PreparedEvent> batch) {
        long bytes = 0;
        for (PreparedEvent event : batch) {
            for (BlobImage image : event.images()) {
                bytes += image.size();
            }
        }
        return bytes;
    }

    /** Stores {@code event} unless its key is stored; the result says which. */
    AppendResult event(PreparedEvent event) throws SQLException {
        Ingested in = event.ingested();
        int i = 1;
        insertEvent.setString(i++, event.dedupeKey());
        insertEvent.setString(i++, event.type().label());
        insertEvent.setString(i++, event.kind());
        insertEvent.setString(i++, in.deviceId());
        insertEvent.setString(i++, in.event().source().deviceSerial());
        insertEvent.setString(i++, in.event().source().cameraId());
        insertEvent.setString(i++, in.channel().name());
        insertEvent.setLong(i++, in.event().occurredAt().toEpochMilli());
        insertEvent.setLong(i++, in.receivedAt().toEpochMilli());
        setNullable(insertEvent, i++, event.lateByMillis(), Types.BIGINT);
        insertEvent.setString(i++, event.personId());
        insertEvent.setString(i++, event.personName());
        setNullable(insertEvent, i++, event.passed(), Types.INTEGER);
        setNullable(insertEvent, i++, event.alarmCode(), Types.INTEGER);
        setNullable(insertEvent, i++, event.alarmStatus(), Types.INTEGER);
        insertEvent.setString(i++, event.eventJson());
        insertEvent.setString(i, event.payloadJson());
        Long seq = inserted(insertEvent);
        if (seq == null) {
            return existing(event.dedupeKey());
        }
        for (PreparedEvent.ImageRef ref : event.imageRefs()) {
            insertReference.setLong(1, seq);
            insertReference.setInt(2, ref.position());
            insertReference.setLong(3, imageIds.get(ref.sha256()));
            insertReference.setString(4, ref.kind());
            insertReference.executeUpdate();
        }
        return new AppendResult(seq, false, duration(event.lateByMillis()));
    }

    private AppendResult existing(String dedupeKey) throws SQLException {
        findEvent.setString(1, dedupeKey);
        try (ResultSet rs = findEvent.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("event " + dedupeKey + " conflicted but is not stored");
            }
            long seq = rs.getLong(1);
            long lateBy = rs.getLong(2);
            return new AppendResult(seq, true, rs.wasNull() ? null : Duration.ofMillis(lateBy));
        }
    }

    List<AppendResult> events(List<PreparedEvent> batch) throws SQLException {
        List<AppendResult> results = new ArrayList<>(batch.size());
        for (PreparedEvent event : batch) {
            results.add(event(event));
        }
        return results;
    }

    /**
     * The number SQLite gave the row {@code insert} added, or null when it added none (its key was stored). Not
     * {@code INSERT ... RETURNING}: SQLite runs RETURNING as a trigger, and a statement with a trigger inside a
     * transaction keeps a statement journal, a copy of every page it changes: at 800 door requests/s (80 events a
     * commit) 1.4 MB of copies a commit, spilled to a temporary file in each commit.
     */
    private Long inserted(PreparedStatement insert) throws SQLException {
        return insert.executeUpdate() == 0 ? null : firstLong(lastRowId);
    }

    /** The first column of the statement's first row, or null when it returns no row. */
    private static Long firstLong(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }

    private static Duration duration(Long millis) {
        return millis == null ? null : Duration.ofMillis(millis);
    }

    private static void setNullable(PreparedStatement statement, int index, Number value, int type) throws SQLException {
        if (value == null) {
            statement.setNull(index, type);
        } else {
            statement.setLong(index, value.longValue());
        }
    }

    @Override
    public void close() throws SQLException {
        insertImage.close();
        findImage.close();
        insertBytes.close();
        insertEvent.close();
        findEvent.close();
        insertReference.close();
        lastRowId.close();
    }
}
