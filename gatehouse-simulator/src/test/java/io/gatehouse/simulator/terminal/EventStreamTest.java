package io.gatehouse.simulator.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatehouse.protocol.sense.SenseVersion;
import io.gatehouse.protocol.sophon.SophonVersion;
import io.gatehouse.simulator.Await;
import io.gatehouse.simulator.Samples;
import io.gatehouse.simulator.SimulatedSite;
import io.gatehouse.simulator.SiteConfig;
import io.gatehouse.simulator.TerminalClient;
import io.gatehouse.protocol.json.Json;
import io.vertx.core.Future;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/event} upgraded to a WebSocket over TLS: at most three clients at once, each recognition to each
 * of them, in the record shape of the terminal's version.
 */
class EventStreamTest {
    private static SimulatedSite site;
    private static Terminal terminal;
    private static WebSocketClient sockets;

    @BeforeAll
    static void start() throws Exception {
        site = SimulatedSite.start(SiteConfig.forTests().withDevices(1, 0, 0)
                .withVersions(List.of(SenseVersion.V1_2_1), SophonVersion.V5));
        terminal = site.terminals().get(0);
        sockets = site.vertx().createWebSocketClient(new WebSocketClientOptions().setSsl(true).setTrustAll(true)
                .setVerifyHost(false));
    }

    @AfterAll
    static void stop() throws Exception {
        site.close();
    }

    private Future<WebSocket> connect(List<String> inbox) {
        String authorization;
        try (TerminalClient client = new TerminalClient(site.vertx(), terminal)) {
            authorization = client.basic();
        }
        return sockets.connect(new WebSocketConnectOptions().setHost(terminal.address()).setPort(terminal.port())
                        .setURI("/v1/event").setSsl(true).addHeader("Authorization", authorization))
                .onSuccess(ws -> ws.textMessageHandler(inbox::add));
    }

    @Test
    void threeClientsGetEveryRecognitionAndAFourthIsRefusedVisibly() {
        List<List<String>> inboxes = new ArrayList<>();
        List<WebSocket> open = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<String> inbox = new CopyOnWriteArrayList<>();
            inboxes.add(inbox);
            open.add(Await.result(connect(inbox)));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> terminal.webSocketClients() == 3);

        Throwable refused = Await.failure(connect(new CopyOnWriteArrayList<>()));
        assertThat(refused).isInstanceOf(UpgradeRejectedException.class);
        assertThat(((UpgradeRejectedException) refused).getStatus()).isEqualTo(503);
        assertThat(((UpgradeRejectedException) refused).getBody().toString()).contains("at most 3");

        Passage passage = Await.result(terminal.recognize("3", null));
        await().atMost(Duration.ofSeconds(5)).until(() -> inboxes.stream().allMatch(inbox -> inbox.size() == 1));
        for (List<String> inbox : inboxes) {
            var message = parse(inbox.get(0));
            assertThat(message.path("data").path("uuid").asText()).isEqualTo(passage.uuid());
            assertThat(Samples.shape(message)).isEqualTo(Samples.shape(Samples.json("sense-ws-recognition-v1.2.1.json")));
        }

        Await.result(open.get(0).close());
        await().atMost(Duration.ofSeconds(5)).until(() -> terminal.webSocketClients() == 2);
        WebSocket again = Await.result(connect(new CopyOnWriteArrayList<>()));
        Await.result(again.close());
        open.subList(1, 3).forEach(ws -> Await.result(ws.close()));
    }

    @Test
    void theDocumentsTrailingSlashPathWorksTooAndAMalformedMessageCanBeAskedFor() {
        List<String> inbox = new CopyOnWriteArrayList<>();
        String authorization;
        try (TerminalClient client = new TerminalClient(site.vertx(), terminal)) {
            authorization = client.basic();
        }
        WebSocket socket = Await.result(sockets.connect(new WebSocketConnectOptions().setHost(terminal.address())
                .setPort(terminal.port()).setURI("/v1/event/").setSsl(true).addHeader("Authorization", authorization)));
        socket.textMessageHandler(inbox::add);

        Await.result(terminal.sendMalformed("websocket"));

        await().atMost(Duration.ofSeconds(5)).until(() -> inbox.size() == 1);
        assertThat(inbox.get(0)).startsWith("{\"type\":0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Json.standard().parse(inbox.get(0)))
                .isInstanceOf(io.gatehouse.protocol.json.DecodeException.class);
        Await.result(socket.close());
    }

    @Test
    void withoutCredentialsTheUpgradeIsRefusedWith401() {
        Throwable refused = Await.failure(sockets.connect(new WebSocketConnectOptions().setHost(terminal.address())
                .setPort(terminal.port()).setURI("/v1/event").setSsl(true)));

        assertThat(((UpgradeRejectedException) refused).getStatus()).isEqualTo(401);
    }

    @Test
    void whatAClientSendsOnTheStreamIsIgnoredAndTheStreamGoesOn() {
        List<String> inbox = new CopyOnWriteArrayList<>();
        WebSocket socket = Await.result(connect(inbox));
        Await.result(socket.writeTextMessage("{not json"));
        Await.result(socket.writeBinaryMessage(io.vertx.core.buffer.Buffer.buffer(new byte[] {0, 1, 2})));

        Await.result(terminal.recognize("4", null));

        await().atMost(Duration.ofSeconds(5)).until(() -> inbox.size() == 1);
        Await.result(socket.close());
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String text) {
        try {
            return Json.standard().parse(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
