package io.gatehouse.server.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.core.policy.Decision;
import io.gatehouse.core.policy.Reason;
import io.gatehouse.protocol.json.Json;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A terminal asks, the hub answers from its directory: changes apply to the next request, every decision is
 * logged and can be queried, and a slow delegate or a stalled database gets the door's fail-mode in time.
 */
class RemoteAuthorizationTest {
    @TempDir
    Path data;
    private final Vertx customer = Vertx.vertx();
    private final List<String> delegateBodies = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopCustomer() throws Exception {
        customer.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static AccessHarness office(AccessHarness hub) throws Exception {
        hub.loaded();
        assertThat(hub.post("/api/access/import", "application/json", Directories.OFFICE).json().get("rejected")).isEmpty();
        return hub;
    }

    @Test
    void aChangeToTheDirectoryAppliesToTheNextRequest() throws Exception {
        try (AccessHarness hub = office(new AccessHarness(data, AccessConfig.defaults()))) {
            assertThat(hub.decide(AccessHarness.request("PSC-MAIN", "carl", "Carl")).reason()).isEqualTo(Reason.NO_RULE);

            hub.put("/api/access/rules/carl-main", "{\"personId\": \"carl\", \"doorId\": \"main\"}");
            Decision allowed = hub.decide(AccessHarness.request("PSC-MAIN", "carl", "Carl"));
            assertThat(allowed.reason()).isEqualTo(Reason.ALLOWED);
            assertThat(allowed.ruleId()).isEqualTo("carl-main");
            assertThat(allowed.toAnswer().customTips()).isEqualTo("Hi Carl");

            hub.send("DELETE", "/api/access/rules/carl-main", null, null);
            assertThat(hub.decide(AccessHarness.request("PSC-MAIN", "carl", "Carl")).reason()).isEqualTo(Reason.NO_RULE);
        }
    }

    @Test
    void everyDecisionIsLoggedAndCanBeFoundByItsFilters() throws Exception {
        try (AccessHarness hub = office(new AccessHarness(data, AccessConfig.defaults()))) {
            Decision allowed = hub.decide(AccessHarness.request("PSC-MAIN", "anna", "Anna"));
            Decision refused = hub.decide(AccessHarness.request("PSC-MAIN", "ghost", "Ghost"));

            await().atMost(Duration.ofSeconds(10)).until(() ->
                    hub.get("/api/access/decisions").json().get("items").size() == 2);
            JsonNode anna = hub.get("/api/access/decisions?person=anna&pass=true").json().get("items");
            assertThat(anna).hasSize(1);
            assertThat(anna.get(0).get("id").asText()).isEqualTo(allowed.id());
            assertThat(anna.get(0).get("step").asText()).isEqualTo("ALLOW");
            assertThat(anna.get(0).get("ruleId").asText()).isEqualTo("staff-main");
            assertThat(anna.get(0).get("verifyCode").asInt()).isEqualTo(2);
            assertThat(anna.get(0).get("failMode").asBoolean()).isFalse();
            assertThat(anna.get(0).get("input").get("deviceSerial").asText()).isEqualTo("PSC-MAIN");
            assertThat(anna.get(0).get("input").get("score").asDouble()).isEqualTo(0.93);
            assertThat(anna.get(0).get("passageKey").isNull()).isTrue();

            JsonNode denied = hub.get("/api/access/decisions?pass=false&reason=UNKNOWN_PERSON").json();
            assertThat(denied.get("items").get(0).get("id").asText()).isEqualTo(refused.id());
            JsonNode firstPage = hub.get("/api/access/decisions?limit=1").json();
            assertThat(firstPage.get("items").get(0).get("id").asText()).isEqualTo(refused.id());
            JsonNode secondPage = hub.get("/api/access/decisions?limit=1&before=" + firstPage.get("next").asLong()).json();
            assertThat(secondPage.get("items").get(0).get("id").asText()).isEqualTo(allowed.id());
        }
    }

    @Test
    void aDelegateThatHangsGetsEachDoorsFailModeWithinTheBudget() throws Exception {
        URI slow = delegate(2_000, 200, "{\"pass\": true}");
        AccessConfig config = AccessConfig.defaults().withBudget(Duration.ofMillis(150))
                .withDelegate(slow, Duration.ofSeconds(1), 5, Duration.ofSeconds(30));
        try (AccessHarness hub = office(new AccessHarness(data, config))) {
            Decision main = hub.decide(AccessHarness.request("PSC-MAIN", "anna", "Anna"));
            assertThat(main.failMode()).isTrue();
            assertThat(main.reason()).isEqualTo(Reason.FAIL_SECURE);
            assertThat(main.toAnswer().pass()).isFalse();
            assertThat(main.detail()).contains("waiting for the delegate to answer");

            Decision escape = hub.decide(AccessHarness.request("PSC-ESC", "anna", "Anna"));
            assertThat(escape.failMode()).isTrue();
            assertThat(escape.reason()).isEqualTo(Reason.FAIL_OPEN);
            assertThat(escape.toAnswer().pass()).isTrue();

            await().atMost(Duration.ofSeconds(10)).until(() ->
                    hub.get("/api/access/decisions?failMode=true").json().get("items").size() == 2);
        }
    }

    @Test
    void aDelegateSlowerThanItsOwnTimeoutLeavesTheDecisionToTheLocalPolicy() throws Exception {
        URI slow = delegate(2_000, 200, "{\"pass\": false}");
        AccessConfig config = AccessConfig.defaults().withBudget(Duration.ofSeconds(2))
                .withDelegate(slow, Duration.ofMillis(50), 5, Duration.ofSeconds(30));
        try (AccessHarness hub = office(new AccessHarness(data, config))) {
            Decision decision = hub.decide(AccessHarness.request("PSC-MAIN", "anna", "Anna"));
            assertThat(decision.failMode()).isFalse();
            assertThat(decision.reason()).isEqualTo(Reason.ALLOWED);
            assertThat(decision.notes()).anySatisfy(note -> assertThat(note).startsWith("delegate failed"));
        }
    }

    @Test
    void theDelegateDecidesWhileItAnswersAndGetsTheNormalizedRequest() throws Exception {
        URI service = delegate(0, 200, "{\"pass\": false, \"tip\": \"请到前台登记\", \"verifyCode\": 3, \"reason\": \"no booking\"}");
        AccessConfig config = AccessConfig.defaults().withDelegate(service, Duration.ofMillis(1500), 5, Duration.ofSeconds(30))
                .withBudget(Duration.ofSeconds(3));
        try (AccessHarness hub = office(new AccessHarness(data, config))) {
            Decision decision = hub.decide(AccessHarness.request("PSC-MAIN", "anna", "Anna"));

            assertThat(decision.reason()).as(decision.notes().toString()).isEqualTo(Reason.DELEGATE_DENIED);
            assertThat(decision.toAnswer().customTips()).isEqualTo("请到前台登记");
            assertThat(decision.toAnswer().verifyCode()).isEqualTo(3);
            assertThat(decision.detail()).isEqualTo("delegate: no booking");
            JsonNode asked = Json.standard().parse(delegateBodies.get(0));
            assertThat(asked.get("request").get("kind").asText()).isEqualTo("AUTHORIZATION_REQUEST");
            assertThat(asked.get("request").get("person").get("id").asText()).isEqualTo("anna");
            assertThat(asked.get("door").get("id").asText()).isEqualTo("main");
        }
    }

    @Test
    void aFailingDelegateIsCutOffByItsCircuitBreaker() throws Exception {
        URI broken = delegate(0, 500, "{}");
        AccessConfig config = AccessConfig.defaults().withDelegate(broken, Duration.ofMillis(1500), 2, Duration.ofMinutes(5))
                .withBudget(Duration.ofSeconds(3));
        try (AccessHarness hub = office(new AccessHarness(data, config))) {
            for (int i = 0; i < 4; i++) {
                Decision decision = hub.decide(AccessHarness.request("PSC-MAIN", "anna", "Anna"));
                assertThat(decision.reason()).isEqualTo(Reason.ALLOWED);
            }
            // two failures opened the circuit: the last two requests never reached the service
            assertThat(delegateBodies).hasSize(2);
        }
    }

    @Test
    void whileTheDatabaseIsLockedTheFirstLoadStallsAndDoorsGetTheirFailModeInTime() throws Exception {
        try (AccessHarness seeded = office(new AccessHarness(data, AccessConfig.defaults()))) {
            assertThat(seeded.access.health().canDecide()).isTrue();
        }
        var database = io.gatehouse.server.db.Database.open(data);
        Connection locker = database.connect();
        try (Statement s = locker.createStatement()) {
            // an exclusive lock that even WAL readers wait for: a stalled store
            s.execute("PRAGMA locking_mode=EXCLUSIVE");
            locker.setAutoCommit(false);
            s.execute("UPDATE access_group SET doc = doc WHERE id = 'staff'");
            locker.commit();
        }
        try (AccessHarness hub = new AccessHarness(database, AccessConfig.defaults().withBudget(Duration.ofMillis(100)))) {
            Decision stalled = hub.decide(AccessHarness.request("PSC-MAIN", "anna", "Anna"));
            assertThat(stalled.failMode()).isTrue();
            assertThat(stalled.reason()).isEqualTo(Reason.FAIL_SECURE);
            assertThat(stalled.detail()).contains("waiting for the directory to load");
            assertThat(hub.access.health().canDecide()).isFalse();
            assertThat(hub.get("/api/access/health").status()).isEqualTo(503);

            locker.close();
            await().atMost(Duration.ofSeconds(20)).until(() -> hub.access.health().canDecide());
            assertThat(hub.decide(AccessHarness.request("PSC-MAIN", "anna", "Anna")).reason()).isEqualTo(Reason.ALLOWED);
            assertThat(hub.get("/api/access/health").status()).isEqualTo(200);
        }
    }

    /** The customer's decision service on 127.0.0.1: answers {@code body} with {@code status} after {@code delayMillis}. */
    private URI delegate(long delayMillis, int status, String body) throws Exception {
        AtomicInteger port = new AtomicInteger();
        HttpServer server = customer.createHttpServer().requestHandler(request -> request.body().onSuccess(sent -> {
            delegateBodies.add(sent.toString());
            Runnable answer = () -> request.response().setStatusCode(status)
                    .putHeader("Content-Type", "application/json").end(body);
            if (delayMillis == 0) {
                answer.run();
            } else {
                customer.setTimer(delayMillis, id -> answer.run());
            }
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        port.set(server.actualPort());
        return URI.create("http://127.0.0.1:" + port.get() + "/decide");
    }
}
