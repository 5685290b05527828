package io.gatehouse.server.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatehouse.core.store.Channel;
import io.gatehouse.protocol.ProtocolCodec;
import io.gatehouse.protocol.sense.SenseVersion;
import io.gatehouse.simulator.SimulatedSite;
import io.gatehouse.simulator.SiteConfig;
import io.gatehouse.simulator.device.NetworkCondition;
import io.gatehouse.simulator.terminal.Passage;
import io.gatehouse.simulator.terminal.Terminal;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The terminal's {@code /v1/event} WebSocket: every message reaches the listener exactly as the terminal sent it,
 * whatever the firmware version, and the hub holds at most one of the terminal's three client slots, whatever
 * happens to the network.
 */
class TerminalWebSocketTest {
    private static final TerminalPlan SUBSCRIBE_ONLY = new TerminalPlan(null, null, 0, true);
    private final Vertx hub = Vertx.vertx();
    private final RecordingListener listener = new RecordingListener();
    private final List<TerminalConnector> connectors = new ArrayList<>();
    private SimulatedSite site;

    private List<Terminal> start(SiteConfig config) throws Exception {
        site = SimulatedSite.start(config);
        return site.terminals();
    }

    private TerminalConnector connect(Terminal terminal) {
        TerminalConnector connector = TerminalConnector.start(hub, Emulated.endpoint(terminal), SUBSCRIBE_ONLY, listener,
                ConnectorSettings.forTests());
        connectors.add(connector);
        return connector;
    }

    @AfterEach
    void stop() throws Exception {
        for (TerminalConnector connector : connectors) {
            Blocking.await(connector.stop());
        }
        if (site != null) {
            site.close();
        }
        Blocking.await(hub.close());
    }

    @Test
    void everyRecognitionReachesTheListenerRawForEveryFirmwareVersion() throws Exception {
        List<SenseVersion> versions = List.of(SenseVersion.values());
        List<Terminal> terminals = start(SiteConfig.forTests().withDevices(versions.size(), 0, 0)
                .withVersions(versions, io.gatehouse.protocol.sophon.SophonVersion.V5));
        terminals.forEach(this::connect);
        await().atMost(Duration.ofSeconds(15)).until(() -> connectors.stream().allMatch(c -> c.state() == DeviceState.ONLINE)
                && terminals.stream().allMatch(t -> t.webSocketClients() == 1));

        for (Terminal terminal : terminals) {
            Passage passage = Blocking.await(terminal.recognize("3", null));
            String sent = new String(ProtocolCodec.standard().encode(passage.record()), StandardCharsets.UTF_8);
            await().atMost(Duration.ofSeconds(5)).until(() -> !listener.payloads(terminal.serial()).isEmpty());
            assertThat(listener.payloads(terminal.serial())).as(terminal.version())
                    .containsExactly(new RecordingListener.Payload(terminal.serial(), Channel.TERMINAL_WEBSOCKET, sent));
        }
        assertThat(listener.offLoopCalls).hasValue(0);
    }

    @Test
    void aMalformedMessageIsPassedOnAsSentAndTheSubscriptionCarriesOn() throws Exception {
        Terminal terminal = start(SiteConfig.forTests().withDevices(1, 0, 0)).get(0);
        TerminalConnector connector = connect(terminal);
        await().atMost(Duration.ofSeconds(10)).until(() -> connector.state() == DeviceState.ONLINE);

        Blocking.await(terminal.sendMalformed("websocket"));
        Blocking.await(terminal.recognize("1", null));

        await().atMost(Duration.ofSeconds(5)).until(() -> listener.payloads.size() == 2);
        assertThat(listener.payloads.get(0).text()).startsWith("{\"type\":0,").doesNotEndWith("}");
        assertThat(listener.payloads.get(1).text()).startsWith("{\"type\":0,").endsWith("}");
        assertThat(connector.webSocketsOpened()).isEqualTo(1);
    }

    @Test
    void theHubNeverHoldsMoreThanOneSocketAcrossOutagesAndReboots() throws Exception {
        Terminal terminal = start(SiteConfig.forTests().withDevices(1, 0, 0)).get(0);
        AtomicInteger most = new AtomicInteger();
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                most.accumulateAndGet(terminal.webSocketClients(), Math::max);
                Thread.onSpinWait();
            }
        });
        watcher.start();
        try {
            TerminalConnector connector = connect(terminal);
            await().atMost(Duration.ofSeconds(10)).until(() -> connector.state() == DeviceState.ONLINE
                    && terminal.webSocketClients() == 1);

            for (int outage = 0; outage < 2; outage++) {
                Blocking.await(terminal.setNetwork(NetworkCondition.offline()));
                await().atMost(Duration.ofSeconds(10)).until(() -> connector.state() == DeviceState.OFFLINE);
                Blocking.await(terminal.setNetwork(NetworkCondition.UP));
                await().atMost(Duration.ofSeconds(10)).until(() -> connector.state() == DeviceState.ONLINE
                        && terminal.webSocketClients() == 1);
            }
            Blocking.await(terminal.restart(null));
            await().atMost(Duration.ofSeconds(10)).until(() -> connector.webSocketsOpened() == 4
                    && connector.state() == DeviceState.ONLINE && terminal.webSocketClients() == 1);

            Blocking.await(terminal.recognize("2", null));
            await().atMost(Duration.ofSeconds(5)).until(() -> listener.payloads.size() == 1);
        } finally {
            watcher.interrupt();
            watcher.join();
        }
        assertThat(most).hasValue(1);
        assertThat(listener.states).extracting(RecordingListener.State::state).contains(DeviceState.OFFLINE);
    }

    @Test
    void twoOtherClientsLeaveTheHubItsSlotAndTheFourthIsTurnedAway() throws Exception {
        Terminal terminal = start(SiteConfig.forTests().withDevices(1, 0, 0)).get(0);
        try (SomeoneElse someoneElse = new SomeoneElse(site.vertx(), terminal)) {
            someoneElse.openWebSocket();
            someoneElse.openWebSocket();
            TerminalConnector connector = connect(terminal);
            await().atMost(Duration.ofSeconds(10)).until(() -> connector.state() == DeviceState.ONLINE
                    && terminal.webSocketClients() == 3);

            Throwable fourth = someoneElse.refusedWebSocket();
            assertThat(fourth).isInstanceOfSatisfying(UpgradeRejectedException.class,
                    e -> assertThat(e.getStatus()).isEqualTo(503));
            Blocking.await(terminal.recognize("4", null));
            await().atMost(Duration.ofSeconds(5)).until(() -> listener.payloads.size() == 1);
        }
    }

    @Test
    void aFullTerminalIsDegradedUntilASlotFrees() throws Exception {
        Terminal terminal = start(SiteConfig.forTests().withDevices(1, 0, 0)).get(0);
        try (SomeoneElse someoneElse = new SomeoneElse(site.vertx(), terminal)) {
            WebSocket first = someoneElse.openWebSocket();
            someoneElse.openWebSocket();
            someoneElse.openWebSocket();
            TerminalConnector connector = connect(terminal);
            await().atMost(Duration.ofSeconds(10)).until(() -> connector.state() == DeviceState.DEGRADED);
            assertThat(connector.reason()).startsWith("WebSocket /v1/event: the device refused the WebSocket (HTTP 503)")
                    .contains("at most 3 WebSocket clients");

            Blocking.await(first.close());

            await().atMost(Duration.ofSeconds(10)).until(() -> connector.state() == DeviceState.ONLINE
                    && terminal.webSocketClients() == 3);
        }
    }

    @Test
    void stoppingFreesTheTerminalsSlot() throws Exception {
        Terminal terminal = start(SiteConfig.forTests().withDevices(1, 0, 0)).get(0);
        TerminalConnector connector = connect(terminal);
        await().atMost(Duration.ofSeconds(10)).until(() -> terminal.webSocketClients() == 1);

        Blocking.await(connector.stop());
        connectors.remove(connector);

        await().atMost(Duration.ofSeconds(5)).until(() -> terminal.webSocketClients() == 0);
        int reports = listener.states.size();
        Blocking.await(terminal.setNetwork(NetworkCondition.offline()));
        Thread.sleep(300);
        assertThat(listener.states).as("a stopped connector reports nothing").hasSize(reports);
    }
}
