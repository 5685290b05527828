package io.gatehouse.server.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.core.policy.Decision;
import io.gatehouse.core.policy.Reason;
import io.gatehouse.core.policy.authorize.AuthAnswer;
import io.gatehouse.server.db.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ingest.auth-answer}: a durable answer reaches the door only once its decision is in the audit log; while
 * the log cannot commit, the door still gets its fail-mode within the budget, and the log says why. The stall is
 * real: another connection holds SQLite's write lock, as a long write or a stuck disk would.
 */
class DurableAnswerTest {
    @TempDir
    Path data;

    private static AccessHarness office(AccessHarness hub) throws Exception {
        hub.loaded();
        assertThat(hub.post("/api/access/import", "application/json", Directories.OFFICE).json().get("rejected")).isEmpty();
        return hub;
    }

    @Test
    void aDurableAnswerWaitsForItsRecordWhichIsThereWhenTheAnswerComes() throws Exception {
        AccessConfig config = AccessConfig.defaults().withBudget(Duration.ofSeconds(10));
        try (AccessHarness hub = office(new AccessHarness(data, config)); Connection writer = writeLock()) {
            CompletableFuture<Decision> answer = hub.ask(AccessHarness.request("PSC-MAIN", "anna", "Anna"));
            Thread.sleep(300); // the decision takes microseconds; its record cannot be committed meanwhile

            assertThat(answer).as("answered before the record was committed").isNotDone();
            release(writer);
            Decision decision = answer.get(10, TimeUnit.SECONDS);

            assertThat(decision.reason()).isEqualTo(Reason.ALLOWED);
            JsonNode logged = hub.get("/api/access/decisions?person=anna").json().get("items");
            assertThat(logged).hasSize(1);
            assertThat(logged.get(0).get("id").asText()).isEqualTo(decision.id());
        }
    }

    @Test
    void aFastAnswerDoesNotWaitForItsRecord() throws Exception {
        AccessConfig config = AccessConfig.defaults().withBudget(Duration.ofSeconds(10)).withAnswer(AuthAnswer.FAST);
        try (AccessHarness hub = office(new AccessHarness(data, config)); Connection writer = writeLock()) {
            Decision decision = hub.decide(AccessHarness.request("PSC-MAIN", "anna", "Anna"));

            assertThat(decision.reason()).isEqualTo(Reason.ALLOWED);
            assertThat(hub.get("/api/access/decisions").json().get("items")).isEmpty();
            release(writer);
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    hub.get("/api/access/decisions").json().get("items").size() == 1);
        }
    }

    @Test
    void aDecisionLogThatCannotCommitInTimeGetsTheDoorItsFailModeAndRecordsWhy() throws Exception {
        AccessConfig config = AccessConfig.defaults().withBudget(Duration.ofMillis(200));
        try (AccessHarness hub = office(new AccessHarness(data, config)); Connection writer = writeLock()) {
            // answered while the lock is still held: the door did not wait for the stalled log
            Decision main = hub.decide(AccessHarness.request("PSC-MAIN", "anna", "Anna"));
            Decision escape = hub.decide(AccessHarness.request("PSC-ESC", "anna", "Anna"));

            assertThat(main.reason()).isEqualTo(Reason.FAIL_SECURE);
            assertThat(main.toAnswer().pass()).isFalse();
            assertThat(main.detail()).contains("(ALLOWED) was not committed within the budget of 200 ms");
            assertThat(escape.reason()).isEqualTo(Reason.FAIL_OPEN);
            assertThat(escape.toAnswer().pass()).isTrue();
            release(writer);

            // the log keeps what the door got, naming the decision that could not be made durable in time
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    hub.get("/api/access/decisions?failMode=true").json().get("items").size() == 2);
            JsonNode failModes = hub.get("/api/access/decisions?failMode=true").json().get("items");
            assertThat(failModes).extracting(d -> d.get("id").asText()).contains(main.id(), escape.id());
            assertThat(failModes).allSatisfy(d -> assertThat(d.get("detail").asText()).contains("was not committed"));
        }
    }

    /** Takes SQLite's write lock of the decision log's file on another connection, so the log's commit waits. */
    private Connection writeLock() throws Exception {
        Connection c = Database.open(data).decisionLog().connect();
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
        return c;
    }

    private static void release(Connection writer) throws Exception {
        try (Statement s = writer.createStatement()) {
            s.execute("ROLLBACK");
        }
    }
}
