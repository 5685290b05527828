package io.gatehouse.server.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatehouse.core.store.Channel;
import io.gatehouse.simulator.SimulatedSite;
import io.gatehouse.simulator.SiteConfig;
import io.gatehouse.simulator.device.Counter;
import io.gatehouse.simulator.terminal.Terminal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement, not a default test: how long a hub takes to log in to, configure and subscribe to a fleet of
 * terminals, and how many WebSocket events per second reach the listener. Run with
 * {@code ./mvnw -B -pl gatehouse-server -am verify -Dtest=ConnectorFleetMeasurement -Dgatehouse.fleet=true
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dgatehouse.fleet.terminals=N}, {@code -Dgatehouse.fleet.rate=R}).
 */
@EnabledIfSystemProperty(named = "gatehouse.fleet", matches = "true")
class ConnectorFleetMeasurement {
    private static final int TERMINALS = Integer.getInteger("gatehouse.fleet.terminals", 200);
    private static final double RATE = Double.parseDouble(System.getProperty("gatehouse.fleet.rate", "1"));
    private static final long WINDOW_MILLIS = 10_000;

    @Test
    void connectAFleetAndCountTheEventsThatArrive() throws Exception {
        Vertx hub = Vertx.vertx();
        AtomicLong events = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        ConnectorListener counting = new ConnectorListener() {
            @Override
            public void onPayload(String deviceId, Channel channel, Buffer payload) {
                events.incrementAndGet();
                bytes.addAndGet(payload.length());
            }

            @Override
            public void onState(String deviceId, DeviceState state, String reason) {
            }

            @Override
            public void onCertificatePinned(String deviceId, String sha256) {
            }

            @Override
            public void onDeviceInfo(String deviceId, DeviceInfo info) {
            }
        };
        List<TerminalConnector> connectors = new ArrayList<>();
        try (SimulatedSite site = SimulatedSite.start(SiteConfig.forTests().withDevices(TERMINALS, 0, 0).withRate(RATE))) {
            long started = System.nanoTime();
            for (Terminal terminal : site.terminals()) {
                connectors.add(TerminalConnector.start(hub, Emulated.endpoint(terminal),
                        new TerminalPlan("http://127.0.0.1:1/push", null, 0, true), counting,
                        ConnectorSettings.production()));
            }
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
                    .until(() -> connectors.stream().allMatch(c -> c.state() == DeviceState.ONLINE));
            long connectedMillis = (System.nanoTime() - started) / 1_000_000;

            long streamedBefore = streamed(site);
            long eventsBefore = events.get();
            long bytesBefore = bytes.get();
            Thread.sleep(WINDOW_MILLIS);
            long streamed = streamed(site) - streamedBefore;
            long received = events.get() - eventsBefore;
            long receivedBytes = bytes.get() - bytesBefore;

            System.out.printf("fleet: %d terminals (TLS, login, push configured, WebSocket) ONLINE in %d ms%n",
                    TERMINALS, connectedMillis);
            System.out.printf("fleet: %d s window: terminals streamed %d, listener received %d (%.0f events/s, %.1f MB/s)%n",
                    WINDOW_MILLIS / 1000, streamed, received, received * 1000.0 / WINDOW_MILLIS,
                    receivedBytes / 1e6 * 1000.0 / WINDOW_MILLIS);
            assertThat(site.terminals()).allMatch(t -> t.webSocketClients() == 1);
            long stopping = System.nanoTime();
            Blocking.await(Future.all(connectors.stream().map(TerminalConnector::stop).toList()));
            System.out.printf("fleet: all stopped in %d ms%n", (System.nanoTime() - stopping) / 1_000_000);
        } finally {
            Blocking.await(hub.close());
        }
    }

    private static long streamed(SimulatedSite site) {
        return site.terminals().stream().mapToLong(t -> t.counters().get(Counter.STREAMED)).sum();
    }
}
