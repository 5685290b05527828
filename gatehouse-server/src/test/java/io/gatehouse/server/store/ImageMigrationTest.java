package io.gatehouse.server.store;

import static io.gatehouse.server.DevicePayloads.SERIAL;
import static io.gatehouse.server.DevicePayloads.ingested;
import static io.gatehouse.server.DevicePayloads.jpeg;
import static io.gatehouse.server.DevicePayloads.recognition;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.core.store.Channel;
import io.gatehouse.server.DevicePayloads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database written before images were keyed by number (migration V401) keeps every image and every event's
 * reference to it, in the order they were; afterwards the store serves, deduplicates and deletes those images like
 * any other, the one an even earlier hub kept in a file included.
 */
class ImageMigrationTest {
    private static final Instant NOW = Instant.now();
    private static final Instant LONG_AGO = NOW.minus(Duration.ofDays(40));

    @TempDir
    Path data;

    private final byte[] shared = jpeg(9_000, 1);   // shown by both events
    private final byte[] inFile = jpeg(7_000, 2);   // its bytes in DATA/blobs (before V400)
    private final byte[] recent = jpeg(8_000, 3);   // shown by the recent event only
    private final byte[] orphan = jpeg(6_000, 4);   // came with a duplicate: no event shows it

    @Test
    void imagesAndTheirReferencesSurviveTheMigrationAndBehaveAsBefore() throws Exception {
        writeVersion400Database();
        Path file = data.resolve("blobs").resolve(hash(inFile).substring(0, 2)).resolve(hash(inFile));
        Files.createDirectories(file.getParent());
        Files.write(file, inFile);

        RetentionSettings thirtyDays = new RetentionSettings(Duration.ofDays(30), 0, Duration.ofHours(1), 25);
        try (StoreFixture store = new StoreFixture(data, StoreSettings.DEFAULTS, thirtyDays)) {
            for (byte[] image : List.of(shared, inFile, recent, orphan)) {
                assertThat(store.image(image)).isEqualTo(image);
            }
            assertThat(references(store)).containsExactly(
                    "1/0 " + hash(shared) + " FACE", "1/1 " + hash(inFile) + " SCENE",
                    "2/0 " + hash(shared) + " FACE", "2/1 " + hash(recent) + " SCENE");
            assertThat(store.count("SELECT count(*) FROM images WHERE id = 1 AND sha256 = unhex('" + hash(shared)
                    + "')")).as("numbered in the order they were stored").isEqualTo(1);
            assertThat(store.metrics.get("gatehouse.blobs.bytes").gauge().value()).isEqualTo(30_000);

            store.append(ingested(recognition(SERIAL, "after", "5", "王五", true, NOW, shared), SERIAL,
                    Channel.RECORD_PUSH, NOW));
            assertThat(store.metrics.get("gatehouse.blobs.deduplicated").counter().count())
                    .as("a migrated image is found by its hash").isEqualTo(1);

            store.storage.enforceRetention(); // the old event goes, and with it the image only it showed
            assertThat(file).doesNotExist();
            assertThat(store.storage.reader().image(hash(inFile)).toCompletableFuture().get()).isEmpty();
            assertThat(store.storage.retention().sweep()).as("the orphan").isEqualTo(1);
            assertThat(store.count("SELECT count(*) FROM images")).isEqualTo(2);
            assertThat(store.count("SELECT count(*) FROM image_bytes")).isEqualTo(2);
        }
    }

    /** The tables as migration V400 left them, holding what a hub of that time wrote. */
    private void writeVersion400Database() throws Exception {
        String url = "jdbc:sqlite:" + data.resolve("gatehouse.db");
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("400").load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url)) {
            long storedAt = LONG_AGO.toEpochMilli();
            for (byte[] image : List.of(shared, inFile, recent, orphan)) {
                update(c, "INSERT INTO blobs (sha256, size, media_type, stored_at) VALUES (?, ?, 'image/jpeg', ?)",
                        hash(image), image.length, storedAt++);
                if (image != inFile) {
                    update(c, "INSERT INTO image_bytes (sha256, bytes) VALUES (?, ?)", hash(image), image);
                }
            }
            event(c, 1, LONG_AGO, inFile);
            event(c, 2, NOW, recent);
        }
    }

    private void event(Connection c, long seq, Instant at, byte[] scene) throws Exception {
        update(c, """
                INSERT INTO events (seq, dedupe_key, type, kind, device_id, device_serial, channel, occurred_at,
                                    received_at, event_json, payload_json)
                VALUES (?, ?, 'access', 'PASSAGE', ?, ?, 'RECORD_PUSH', ?, ?, '{}', '{}')""",
                seq, "old-" + seq, SERIAL, SERIAL, at.toEpochMilli(), at.toEpochMilli());
        update(c, "INSERT INTO event_images (seq, position, sha256, kind) VALUES (?, 0, ?, 'FACE')", seq, hash(shared));
        update(c, "INSERT INTO event_images (seq, position, sha256, kind) VALUES (?, 1, ?, 'SCENE')", seq, hash(scene));
    }

    private static List<String> references(StoreFixture store) throws Exception {
        return ((SqliteEventReader) store.storage.reader()).onReader(c -> {
            List<String> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT e.seq, e.position, lower(hex(i.sha256)), e.kind"
                    + " FROM event_images e JOIN images i ON i.id = e.image ORDER BY e.seq, e.position");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getLong(1) + "/" + rs.getInt(2) + " " + rs.getString(3) + " " + rs.getString(4));
                }
            }
            return rows;
        }).toCompletableFuture().get();
    }

    private static void update(Connection c, String sql, Object... values) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    private static String hash(byte[] image) {
        return DevicePayloads.sha256(image);
    }
}
