package io.gatehouse.server.store;

import io.gatehouse.core.store.AppendResult;
import io.gatehouse.core.store.Ingested;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of one group commit, on the writer's connection: the batch's images (a row and the bytes, for each image
 * the store does not hold yet), then each event unless its dedupe key is already stored (in an earlier commit or
 * earlier in this batch), then its image references. The caller commits.
 */
final class BatchInsert implements AutoCloseable {
    private final PreparedStatement insertBlob;
    private final PreparedStatement insertBytes;
    private final PreparedStatement insertEvent;
    private final PreparedStatement findEvent;
    private final PreparedStatement insertImage;

    BatchInsert(Connection connection) throws SQLException {
        insertBlob = connection.prepareStatement(
                "INSERT OR IGNORE INTO blobs (sha256, size, media_type, stored_at) VALUES (?, ?, ?, ?)");
        insertBytes = connection.prepareStatement("INSERT INTO image_bytes (sha256, bytes) VALUES (?, ?)");
        insertEvent = connection.prepareStatement("""
                INSERT INTO events (dedupe_key, type, kind, device_id, device_serial, camera_id, channel, occurred_at,
                                    received_at, late_by_ms, person_id, person_name, passed, alarm_code, alarm_status,
                                    event_json, payload_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (dedupe_key) DO NOTHING
                RETURNING seq""");
        findEvent = connection.prepareStatement("SELECT seq, late_by_ms FROM events WHERE dedupe_key = ?");
        insertImage = connection.prepareStatement(
                "INSERT INTO event_images (seq, position, sha256, kind) VALUES (?, ?, ?, ?)");
    }

    /** What {@link #images} added: images new to the store, of all the batch's images. */
    record AddedImages(int images, long bytes, int of) {
    }

    /** Stores the batch's images the store does not hold yet; an image already stored is only referenced. */
    AddedImages images(List<PreparedEvent> batch, long now) throws SQLException {
        int added = 0;
        long bytes = 0;
        int all = 0;
        for (PreparedEvent event : batch) {
            for (BlobImage image : event.images()) {
                all++;
                insertBlob.setString(1, image.sha256());
                insertBlob.setLong(2, image.size());
                insertBlob.setString(3, image.mediaType());
                insertBlob.setLong(4, now);
                if (insertBlob.executeUpdate() == 1) {
                    insertBytes.setString(1, image.sha256());
                    insertBytes.setBytes(2, image.bytes());
                    insertBytes.executeUpdate();
                    added++;
                    bytes += image.size();
                }
            }
        }
        return new AddedImages(added, bytes, all);
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
        Long seq = null;
        try (ResultSet rs = insertEvent.executeQuery()) {
            if (rs.next()) {
                seq = rs.getLong(1);
            }
        }
        if (seq == null) {
            return existing(event.dedupeKey());
        }
        for (PreparedEvent.ImageRef ref : event.imageRefs()) {
            insertImage.setLong(1, seq);
            insertImage.setInt(2, ref.position());
            insertImage.setString(3, ref.sha256());
            insertImage.setString(4, ref.kind());
            insertImage.executeUpdate();
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
        insertBlob.close();
        insertBytes.close();
        insertEvent.close();
        findEvent.close();
        insertImage.close();
    }
}
