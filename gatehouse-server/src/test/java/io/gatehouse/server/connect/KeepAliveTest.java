package io.gatehouse.server.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatehouse.simulator.SimulatedSite;
import io.gatehouse.simulator.SiteConfig;
import io.gatehouse.simulator.terminal.Terminal;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A subscription whose network path dies silently (no FIN, no RST, nothing) is noticed by its pings, dropped,
 * and replaced once the path carries bytes again, without the terminal ever counting two hub sockets. A connector
 * stopped while its path is dead stops all the same: nobody will answer its close.
 */
class KeepAliveTest {
    @Test
    void aSilentlyDeadPathIsNoticedByPingsAndTheSubscriptionComesBackAfterIt() throws Exception {
        Vertx hub = Vertx.vertx();
        RecordingListener listener = new RecordingListener();
        AtomicInteger most = new AtomicInteger();
        try (SimulatedSite site = SimulatedSite.start(SiteConfig.forTests().withDevices(1, 0, 0))) {
            Terminal terminal = site.terminals().get(0);
            try (Relay path = new Relay(hub, terminal.address(), terminal.port())) {
                DeviceEndpoint viaPath = new DeviceEndpoint(terminal.serial(), "127.0.0.1", path.port(), true,
                        terminal.username(), terminal.password(), null);
                TerminalConnector connector = TerminalConnector.start(hub, viaPath, new TerminalPlan(null, null, 0, true),
                        listener, ConnectorSettings.forTests());
                await().atMost(Duration.ofSeconds(10)).until(() -> connector.state() == DeviceState.ONLINE
                        && terminal.webSocketClients() == 1);

                path.blackhole(true);
                await().atMost(Duration.ofSeconds(15)).until(() -> {
                    most.accumulateAndGet(terminal.webSocketClients(), Math::max);
                    return connector.state() == DeviceState.OFFLINE;
                });
                assertThat(connector.reason()).endsWith("no answer in time");

                path.blackhole(false);
                await().atMost(Duration.ofSeconds(15)).until(() -> {
                    most.accumulateAndGet(terminal.webSocketClients(), Math::max);
                    return connector.state() == DeviceState.ONLINE && terminal.webSocketClients() == 1;
                });
                Blocking.await(terminal.recognize("1", null));
                await().atMost(Duration.ofSeconds(5)).until(() -> listener.payloads.size() == 1);
                assertThat(connector.webSocketsOpened()).isGreaterThanOrEqualTo(2);
                Blocking.await(connector.stop());
            }
        } finally {
            Blocking.await(hub.close());
        }
        assertThat(most).hasValueLessThanOrEqualTo(1);
    }

    @Test
    void aConnectorWhoseDeviceNeverAnswersTheCloseStopsAllTheSame() throws Exception {
        Vertx hub = Vertx.vertx();
        try (SimulatedSite site = SimulatedSite.start(SiteConfig.forTests().withDevices(1, 0, 0))) {
            Terminal terminal = site.terminals().get(0);
            try (Relay path = new Relay(hub, terminal.address(), terminal.port())) {
                DeviceEndpoint viaPath = new DeviceEndpoint(terminal.serial(), "127.0.0.1", path.port(), true,
                        terminal.username(), terminal.password(), null);
                TerminalConnector connector = TerminalConnector.start(hub, viaPath,
                        new TerminalPlan(null, null, 0, true), new RecordingListener(), ConnectorSettings.forTests());
                await().atMost(Duration.ofSeconds(10)).until(() -> connector.state() == DeviceState.ONLINE
                        && terminal.webSocketClients() == 1);

                path.blackhole(true);
                Blocking.await(connector.stop());
            }
        } finally {
            Blocking.await(hub.close());
        }
    }
}
