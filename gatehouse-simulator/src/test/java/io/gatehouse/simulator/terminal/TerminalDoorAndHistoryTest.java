package io.gatehouse.simulator.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.simulator.Await;
import io.gatehouse.simulator.SimulatedSite;
import io.gatehouse.simulator.SiteConfig;
import io.gatehouse.simulator.TerminalClient;
import io.gatehouse.simulator.TestReceiver;
import io.gatehouse.simulator.TestSites;
import io.gatehouse.simulator.device.NetworkCondition;
import io.gatehouse.simulator.roster.Credential;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The door command, the history query with its filters and paging, alarms, and a network taken down. */
class TerminalDoorAndHistoryTest {
    private static SimulatedSite site;
    private static Terminal terminal;
    private static TerminalClient client;

    @BeforeAll
    static void start() throws Exception {
        site = SimulatedSite.start(SiteConfig.forTests().withDevices(1, 0, 0));
        terminal = site.terminals().get(0);
        client = new TerminalClient(site.vertx(), terminal);
    }

    @AfterAll
    static void stop() throws Exception {
        site.close();
    }

    @Test
    void aRemoteOpenCommandOpensTheDoorAndAlwaysClosedDoesNot() {
        long before = terminal.counters().doorOpened();

        assertThat(client.post("/v1/device/door", client.basic(), "{\"open_mode\":0}").code()).isEqualTo(200);
        assertThat(client.post("/v1/device/door", client.basic(), "{\"open_mode\":2}").code()).isEqualTo(200);

        assertThat(terminal.counters().doorOpened()).isEqualTo(before + 1);
    }

    @Test
    void historyFiltersByPersonSortsAndPages() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(Await.result(terminal.recognize("5", null)).uuid());
            Await.result(terminal.recognize("6", null));
        }

        JsonNode ascending = client.post("/v1/event/records", client.basic(), "{\"user_id\":\"5\",\"limit\":2,\"offset\":1}").data();
        JsonNode descending = client.post("/v1/event/records", client.basic(), "{\"user_id\":\"5\",\"sort\":1,\"limit\":1}").data();
        JsonNode byJobNumber = client.post("/v1/event/records", client.basic(), "{\"job_number\":\"E105\"}").data();

        assertThat(ascending.path("total").asInt()).isEqualTo(5);
        assertThat(ascending.path("count").asInt()).isEqualTo(2);
        assertThat(ascending.path("items").get(0).path("uuid").asText()).isEqualTo(mine.get(1));
        assertThat(descending.path("items").get(0).path("uuid").asText()).isEqualTo(mine.get(4));
        assertThat(byJobNumber.path("total").asInt()).as("job number E105 is person 6").isEqualTo(5);
        assertThat(client.post("/v1/event/records", client.basic(), "{\"user_id\":\"5\",\"job_number\":\"E105\"}")
                .data().path("total").asInt()).as("user_id wins over job_number").isEqualTo(5);
    }

    @Test
    void aCredentialShowsAsItsEntryMode() {
        Passage passage = Await.result(terminal.recognize("1", Credential.CARD));

        assertThat(passage.record().entryMode()).isEqualTo(3);
    }

    @Test
    void alarmsArePushedAsType1AndCleared() {
        try (TestReceiver receiver = new TestReceiver(site.vertx())) {
            TestSites.subscribe(client, receiver.url("/push"));
            Await.result(terminal.raiseAlarm(10002, 1, "door forced open"));
            Await.result(terminal.raiseAlarm(10002, 3, "door forced open"));

            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.pushes.size() == 2);
            assertThat(receiver.pushes.get(1).json().path("data").path("status").asInt()).isEqualTo(3);
            assertThat(receiver.pushes.get(0).json().path("data").path("code").asInt()).isEqualTo(10002);
            assertThat(receiver.pushes.get(0).headers().get("sn")).isEqualTo(terminal.serial());
        }
    }

    @Test
    void aNetworkTakenDownRefusesConnectionsAndComesBack() {
        Await.result(terminal.setNetwork(NetworkCondition.offline()));
        Throwable failure = Await.failure(io.vertx.ext.web.client.WebClient.create(site.vertx(),
                        new io.vertx.ext.web.client.WebClientOptions().setTrustAll(true).setVerifyHost(false))
                .getAbs(terminal.baseUrl() + "/v2/datasync/ping").send());
        assertThat(failure).hasMessageContaining("refused");

        Await.result(terminal.setNetwork(NetworkCondition.UP));
        assertThat(client.get("/v2/datasync/ping", null).code()).isEqualTo(200);
    }
}
