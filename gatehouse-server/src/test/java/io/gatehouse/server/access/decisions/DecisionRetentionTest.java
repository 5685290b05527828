package io.gatehouse.server.access.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatehouse.server.Hub;
import io.gatehouse.server.HubConfig;
import io.gatehouse.server.db.Database;
import io.gatehouse.server.store.RetentionSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code retention.decision-max-age}: entries decided before the cutoff go, in batches; the rest stay. */
class DecisionRetentionTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @TempDir
    Path data;

    @Test
    void entriesDecidedBeforeTheCutoffAreDeletedBatchByBatchAndTheRestStay() throws Exception {
        Database database = Database.open(data);
        try (Connection c = database.decisionLog().connect(); Statement s = c.createStatement()) {
            for (int day = 1; day <= 7; day++) {
                insert(s, "d" + day, NOW.minus(Duration.ofDays(day)));
            }
            insert(s, "now", NOW);
        }
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (DecisionRetention retention = DecisionRetention.start(database, Duration.ZERO, Duration.ofMinutes(1), 2,
                metrics)) {
            // older than 3 days and a minute: days 4 to 7, four rows in batches of two and one empty batch
            assertThat(retention.deleteOlderThan(NOW.minus(Duration.ofDays(3)).minusSeconds(60))).isEqualTo(4);
            assertThat(retention.deleteOlderThan(NOW.minus(Duration.ofDays(3)).minusSeconds(60))).isZero();
        }
        assertThat(ids(database)).containsExactly("d1", "d2", "d3", "now");
        assertThat(metrics.get("gatehouse.access.decision_log.deleted").counter().count()).isEqualTo(4);
    }

    @Test
    void theHubDeletesEntriesOlderThanTheConfiguredAge() throws Exception {
        Database database = Database.open(data);
        Instant now = Instant.now();
        try (Connection c = database.decisionLog().connect(); Statement s = c.createStatement()) {
            insert(s, "last-year", now.minus(Duration.ofDays(365)));
            insert(s, "yesterday", now.minus(Duration.ofDays(1)));
        }
        HubConfig config = HubConfig.defaults().withBindHost("127.0.0.1").withPort(0).withDataDir(data)
                .withAdminToken("secret-token-0123456789")
                .withRetention(new RetentionSettings(Duration.ZERO, 0, Duration.ofMillis(100), 500, Duration.ofDays(30)));
        try (Hub hub = Hub.start(config)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> ids(database).equals(List.of("yesterday")));
        }
    }

    @Test
    void aZeroAgeStartsNothing() throws Exception {
        Database database = Database.open(data);
        try (DecisionRetention retention = DecisionRetention.start(database, Duration.ZERO, Duration.ofMillis(1), 10,
                new SimpleMeterRegistry())) {
            assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName()
                    .equals("gatehouse-decision-retention"));
        }
    }

    private static void insert(Statement s, String id, Instant decidedAt) throws Exception {
        s.executeUpdate("INSERT INTO access_decision (id, decided_at, device_serial, pass, step, reason, fail_mode,"
                + " elapsed_us, notes, input) VALUES ('" + id + "', " + decidedAt.toEpochMilli()
                + ", 'PSC700C0MC22F02542', 1, 'ALLOW', 'ALLOWED', 0, 5, '[]', '{}')");
    }

    private static List<String> ids(Database database) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = database.decisionLog().connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id FROM access_decision ORDER BY seq")) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        }
        return ids;
    }
}
