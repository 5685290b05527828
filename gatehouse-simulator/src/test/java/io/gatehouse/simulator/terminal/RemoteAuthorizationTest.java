package io.gatehouse.simulator.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.simulator.Await;
import io.gatehouse.simulator.Samples;
import io.gatehouse.simulator.SimulatedSite;
import io.gatehouse.simulator.SiteConfig;
import io.gatehouse.simulator.TerminalClient;
import io.gatehouse.simulator.TestReceiver;
import io.gatehouse.simulator.TestSites;
import io.gatehouse.simulator.device.CounterSnapshot;
import io.gatehouse.simulator.device.DeviceTiming;
import io.gatehouse.simulator.roster.Roster;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Remote authorization as the documents describe it: in auth_mode 1 a library person verified locally is sent
 * to the server, which decides; the terminal opens the door or not and shows the answer's tip. It sends a
 * heartbeat GET to the same address and falls back to local authorization after remote_auth_timeout_to_local_auth
 * minutes without an answer. Here a minute is one second and the deadline 300 ms.
 */
class RemoteAuthorizationTest {
    private SimulatedSite site;
    private TestReceiver server;
    private Terminal terminal;
    private TerminalClient client;

    @BeforeEach
    void start() throws Exception {
        site = SimulatedSite.start(SiteConfig.forTests().withDevices(1, 0, 0)
                .withTiming(DeviceTiming.fast().withRemoteAuthDeadline(Duration.ofMillis(300))));
        server = new TestReceiver(site.vertx());
        terminal = site.terminals().get(0);
        client = new TerminalClient(site.vertx(), terminal);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        site.close();
    }

    @Test
    void aRefusalKeepsTheDoorShutAndShowsTheTip() {
        TestSites.authMode(client, 1, server.url("/auth"), 0);
        server.authAnswer = Samples.text("sense-remote-auth-answer.json"); // pass false, "不在通行时间"

        Passage passage = Await.result(terminal.recognize("1", null));

        assertThat(passage.decidedBy()).isEqualTo(Passage.DecidedBy.REMOTE);
        assertThat(passage.pass()).isFalse();
        assertThat(passage.tip()).isEqualTo("不在通行时间");
        assertThat(passage.record().pass()).isFalse();
        CounterSnapshot counters = terminal.counters();
        assertThat(counters.doorOpened()).isZero();
        assertThat(counters.tipsShown()).isEqualTo(1);
    }

    @Test
    void anApprovalOpensTheDoorAndTheRequestDescribesThePerson() {
        TestSites.authMode(client, 1, server.url("/auth"), 0);

        Passage passage = Await.result(terminal.recognize("2", null));

        assertThat(passage.pass()).isTrue();
        assertThat(passage.tip()).isEqualTo("Welcome");
        assertThat(terminal.counters().doorOpened()).isEqualTo(1);
        JsonNode request = server.authRequests.get(0).json();
        assertThat(request.path("user").path("user_id").asText()).isEqualTo("2");
        assertThat(request.path("deviceSN").asText()).isEqualTo(terminal.serial());
        assertThat(request.has("uuid")).as("the documents: no uuid in the request").isFalse();
    }

    @Test
    void withoutAnAnswerBeforeTheDeadlineTheTerminalDecidesLocally() {
        TestSites.authMode(client, 1, server.url("/auth"), 0);
        server.authMode = TestReceiver.Mode.SILENT;

        Passage passage = Await.result(terminal.recognize("1", null));

        assertThat(passage.decidedBy()).isEqualTo(Passage.DecidedBy.LOCAL_AFTER_NO_ANSWER);
        assertThat(passage.pass()).isTrue();
        assertThat(terminal.counters().get(io.gatehouse.simulator.device.Counter.REMOTE_AUTH_TIMED_OUT)).isEqualTo(1);
    }

    @Test
    void strangersBlacklistedPeopleAndFacePlusPinAreNotAskedAbout() {
        TestSites.authMode(client, 1, server.url("/auth"), 0);

        assertThat(Await.result(terminal.recognize(Roster.STRANGER, null)).pass()).isFalse();
        assertThat(Await.result(terminal.recognize("201", null)).pass()).as("blacklisted").isFalse();
        assertThat(Await.result(terminal.recognize("103", null)).pass()).as("visitor outside the window").isFalse();
        assertThat(Await.result(terminal.recognize("11", null)).decidedBy()).as("face and PIN").isEqualTo(Passage.DecidedBy.LOCAL);
        assertThat(server.authRequests).isEmpty();
    }

    @Test
    void inAuthMode3TheServerIdentifiesStrangers() {
        TestSites.authMode(client, 3, server.url("/auth"), 0);
        server.authAnswer = "{\"code\":200,\"msg\":\"OK\",\"data\":{\"pass\":true,\"customtips\":\"Hi Kim\","
                + "\"user_id\":\"7001\",\"user_name\":\"Kim\",\"verify_code\":2}}";

        Passage stranger = Await.result(terminal.recognize(Roster.STRANGER, null));
        Passage employee = Await.result(terminal.recognize("1", null));

        assertThat(stranger.pass()).isTrue();
        assertThat(stranger.record().user().userId()).isEqualTo("7001");
        assertThat(server.authRequests.get(0).json().path("recognizeStatus").asInt()).isEqualTo(3);
        assertThat(employee.decidedBy()).as("library people decide locally").isEqualTo(Passage.DecidedBy.LOCAL);
        assertThat(server.authRequests).hasSize(1);
    }

    @Test
    void heartbeatsUnansweredForTheConfiguredMinutesFallBackToLocalUntilTheyAreAnsweredAgain() {
        TestSites.authMode(client, 1, server.url("/auth"), 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> server.heartbeats.size() >= 2);
        assertThat(Await.result(terminal.recognize("1", null)).decidedBy()).isEqualTo(Passage.DecidedBy.REMOTE);

        server.heartbeatStatus = 503;
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> Await.result(terminal.recognize("1", null)).decidedBy() == Passage.DecidedBy.LOCAL_FALLBACK);
        int asked = server.authRequests.size();
        assertThat(Await.result(terminal.recognize("2", null)).pass()).isTrue();
        assertThat(server.authRequests).as("no request while fallen back").hasSize(asked);

        server.heartbeatStatus = 200;
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> Await.result(terminal.recognize("1", null)).decidedBy() == Passage.DecidedBy.REMOTE);
    }

    @Test
    void withFallBackMinutes0TheTerminalKeepsAsking() throws Exception {
        TestSites.authMode(client, 1, server.url("/auth"), 0);
        server.heartbeatStatus = 503;
        Thread.sleep(1500); // more than a protocol minute here

        assertThat(Await.result(terminal.recognize("1", null)).decidedBy()).isEqualTo(Passage.DecidedBy.REMOTE);
    }

    @Test
    void aPushAnswersTipIsShownAndItsPassOpensTheDoorForTheLiveRecord() {
        TestSites.subscribe(client, server.url("/push"));
        server.pushAnswer = Samples.text("sense-push-receiver-answer.json"); // pass true, "Hello"

        Await.result(terminal.recognize(Roster.STRANGER, null));

        await().atMost(Duration.ofSeconds(5)).until(() -> terminal.counters().delivered() == 1);
        assertThat(terminal.counters().tipsShown()).isEqualTo(1);
        assertThat(terminal.counters().doorOpened()).isEqualTo(1);
    }
}
