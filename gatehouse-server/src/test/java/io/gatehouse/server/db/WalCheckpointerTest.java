package io.gatehouse.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer served by the checkpointer commits without copying its log into the database file (SQLite would have done
 * so inside the commit past 1,000 pages); the checkpointer copies it soon after, and times it.
 */
class WalCheckpointerTest {
    private static final int ROWS = 200;
    private static final int ROW_BYTES = 40_000; // 8 MB: about 2,000 pages of log

    @TempDir
    Path data;

    @Test
    void theWritersCommitLeavesTheCheckpointToTheCheckpointer() throws Exception {
        Database database = Database.open(data);
        Path file = data.resolve("gatehouse.db");
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (WalCheckpointer checkpointer = new WalCheckpointer(database, "test-checkpoint", metrics, "events");
             Connection writer = database.connect()) {
            WalCheckpointer.detach(writer);
            try (Statement s = writer.createStatement()) {
                s.execute("CREATE TABLE filler (bytes BLOB NOT NULL)");
            }
            long before = Files.size(file);
            long logged = (long) ROWS * ROW_BYTES;
            writer.setAutoCommit(false);
            try (PreparedStatement insert = writer.prepareStatement("INSERT INTO filler (bytes) VALUES (?)")) {
                for (int i = 0; i < ROWS; i++) {
                    insert.setBytes(1, new byte[ROW_BYTES]);
                    insert.executeUpdate();
                }
            }
            writer.commit();
            assertThat(Files.size(file)).as("the commit copied nothing into the database file")
                    .isLessThan(before + logged / 2);

            checkpointer.committed();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Files.size(file) >= before + logged);
            // the file has its pages before the checkpoint returns and is timed
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(metrics.get("gatehouse.db.checkpoint")
                    .tag("database", "events").timer().count()).as("the checkpoint was timed").isPositive());
        }
    }
}
