package io.gatehouse.simulator.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatehouse.simulator.Await;
import io.gatehouse.simulator.SimulatedSite;
import io.gatehouse.simulator.SiteConfig;
import io.gatehouse.simulator.TerminalClient;
import io.gatehouse.simulator.TestReceiver;
import io.gatehouse.simulator.TestSites;
import io.gatehouse.simulator.device.Counter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input gets the terminal's error answer (HTTP 400, code 0, the field and the reason in msg; 413 for an
 * oversized body) and changes nothing: the settings stay as they were and the terminal goes on working.
 */
class TerminalBadInputTest {
    private static SimulatedSite site;
    private static TerminalClient client;
    private static TestReceiver receiver;

    @BeforeAll
    static void start() throws Exception {
        site = SimulatedSite.start(SiteConfig.forTests().withDevices(1, 0, 0));
        client = new TerminalClient(site.vertx(), site.terminals().get(0));
        receiver = new TestReceiver(site.vertx());
        TestSites.subscribe(client, receiver.url("/push"));
    }

    @AfterAll
    static void stop() throws Exception {
        site.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "/v1/event/subscribe | {\"event_dest\": | malformed JSON",
        "/v1/event/subscribe | [] | expected a JSON object",
        "/v1/event/subscribe | {\"event_dest\":\"ftp://192.0.2.1/x\"} | http:// or https://",
        "/v1/event/subscribe | {\"event_dest\":{\"url\":\"http://x\"}} | event_dest: expected a string",
        "/v1/event/subscribe | {\"event_dest\":\"http://127.0.0.1/\",\"enabled\":\"maybe\"} | enabled: expected true or false",
        "/v1/event/subscribe | {} | event_dest is required",
        "/v1/event/subscribe | {'event_dest':'http://127.0.0.1/'} | Python dict literal",
        "/v1/device/functions | {\"auth_mode\":2} | auth_mode 2 is not supported",
        "/v1/device/functions | {\"auth_mode\":\"one\"} | auth_mode: expected a number",
        "/v1/device/functions | {\"remote_auth_timeout_to_local_auth\":61} | 0..60",
        "/v1/device/functions | {\"auth_mode\":1,\"remote_authentication_address\":\"\"} | needs remote_authentication_address",
        "/v1/event/records | {\"limit\":201} | limit must be 1..200",
        "/v1/event/records | {\"sort\":2} | sort must be 0",
        "/v1/event/records | {\"begin_time\":\"yesterday\"} | begin_time: expected a number",
        "/v1/device/door | {\"open_mode\":7} | open_mode must be 0",
        "/v1/device/door | {} | open_mode: required field is missing",
        "/v1/auth/login | {\"username\":\"admin\"} | password: required field is missing",
    })
    void aBadBodyIsRefusedWithTheFieldAndTheReason(String path, String body, String reason) {
        TerminalClient.Reply reply = client.post(path, client.basic(), body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isZero();
        assertThat(reply.msg()).contains(reason);
        stillWorks();
    }

    @Test
    void aBodyTooLargeIsRefusedBeforeItIsRead() {
        Buffer huge = Buffer.buffer("{\"event_dest\":\"http://127.0.0.1/" + "a".repeat(2 << 20) + "\"}");

        TerminalClient.Reply reply = client.sendBytes(HttpMethod.POST, "/v1/event/subscribe", client.basic(), huge);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.code()).isZero();
        stillWorks();
    }

    @Test
    void anEventDestLongerThan1024CharactersIsRefused() {
        String url = "http://127.0.0.1/" + "a".repeat(1020);

        TerminalClient.Reply reply = client.post("/v1/event/subscribe", client.basic(), "{\"event_dest\":\"" + url + "\"}");

        assertThat(reply.msg()).contains("1024");
        stillWorks();
    }

    @Test
    void deeplyNestedJsonIsRefused() {
        String nested = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);

        assertThat(client.post("/v1/event/records", client.basic(), nested).status()).isEqualTo(400);
        stillWorks();
    }

    @Test
    void anUnknownPathIsNotFound() {
        TerminalClient.Reply reply = client.get("/v1/user/everyone", client.basic());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo(404);
    }

    @Test
    void refusalsAreCounted() {
        long before = site.terminals().get(0).counters().get(Counter.REFUSED);
        client.post("/v1/device/door", client.basic(), "nonsense");

        assertThat(site.terminals().get(0).counters().get(Counter.REFUSED)).isEqualTo(before + 1);
    }

    /** The settings are untouched and a walk-up still reaches the receiver. */
    private static void stillWorks() {
        assertThat(client.get("/v1/event/subscribe", client.basic()).data().path("event_dest").asText())
                .isEqualTo(receiver.url("/push"));
        assertThat(client.get("/v1/device/functions", client.basic()).data().path("auth_mode").asInt()).isZero();
        Terminal terminal = site.terminals().get(0);
        long delivered = terminal.counters().delivered();
        Await.result(terminal.recognize("1", null));
        await().atMost(Duration.ofSeconds(5)).until(() -> terminal.counters().delivered() == delivered + 1);
    }
}
