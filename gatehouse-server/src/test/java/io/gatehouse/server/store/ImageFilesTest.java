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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory from before images moved into the database keeps working: an image kept as a file under
 * {@code DATA/blobs} is served from it, counted in the store's size, and deleted with the last event that shows it;
 * the sweep removes files no row names and temporary files.
 */
class ImageFilesTest {
    @TempDir
    Path data;

    @Test
    void anImageKeptInAFileIsServedCountedAndDeletedWithItsEvent() throws Exception {
        byte[] face = jpeg(6_000, 7);
        String sha = DevicePayloads.sha256(face);
        Instant longAgo = Instant.now().minus(Duration.ofDays(40));
        try (StoreFixture store = new StoreFixture(data)) {
            store.append(ingested(recognition(SERIAL, "old", "5", "王五", true, longAgo, face), SERIAL,
                    Channel.RECORD_PUSH, longAgo));
            // the layout an earlier hub left: the image's row, its bytes in a file and not in the database
            store.storage.writer().call(c -> update(c, "DELETE FROM image_bytes")
                    + update(c, "UPDATE images SET log_segment = NULL, log_offset = NULL")).get();
        }
        Path file = data.resolve("blobs").resolve(sha.substring(0, 2)).resolve(sha);
        Files.createDirectories(file.getParent());
        Files.write(file, face);
        Path orphan = file.resolveSibling("ab".repeat(32));
        Files.write(orphan, new byte[] {1});
        Path temp = file.resolveSibling("." + sha + ".5e1f.tmp");
        Files.write(temp, new byte[] {2});

        RetentionSettings thirtyDays = new RetentionSettings(Duration.ofDays(30), 0, Duration.ofHours(1), 25);
        try (StoreFixture store = new StoreFixture(data, StoreSettings.DEFAULTS, thirtyDays)) {
            assertThat(store.image(face)).isEqualTo(face);
            assertThat(inFiles(store)).as("bytes kept outside the database").isEqualTo(6_000);

            assertThat(store.storage.retention().sweep()).as("the orphan").isEqualTo(1);
            assertThat(orphan).doesNotExist();
            assertThat(temp).doesNotExist();
            assertThat(file).as("named by a row: kept").exists();

            store.storage.enforceRetention();
            assertThat(file).doesNotExist();
            assertThat(store.storage.reader().image(sha).toCompletableFuture().get()).isEmpty();
            assertThat(inFiles(store)).isZero();
        }
    }

    /** What the store's size counts beyond the database's pages in use. */
    private static long inFiles(StoreFixture store) throws Exception {
        return store.storage.writer().call(c -> store.storage.retention().usedBytes(c)
                - (pragma(c, "page_count") - pragma(c, "freelist_count")) * pragma(c, "page_size")).get();
    }

    private static long pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.getLong(1);
        }
    }

    private static int update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }
}
