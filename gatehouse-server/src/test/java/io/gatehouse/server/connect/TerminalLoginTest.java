package io.gatehouse.server.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.gatehouse.protocol.sense.DeviceFunctions;
import io.gatehouse.simulator.SimulatedSite;
import io.gatehouse.simulator.SiteConfig;
import io.gatehouse.simulator.device.DeviceTiming;
import io.gatehouse.simulator.terminal.Terminal;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The hub logs in as the documents say: a JWT renewed before it expires, again after a reboot, Basic where login is missing. */
class TerminalLoginTest {
    private static final String PASSWORD = "Pa55-word!";
    private final Vertx hub = Vertx.vertx();
    private final RecordingListener listener = new RecordingListener();
    private SimulatedSite site;
    private TerminalClient client;

    private Terminal start(SiteConfig config) throws Exception {
        site = SimulatedSite.start(config.withDevices(1, 0, 0).withCredentials("admin", PASSWORD));
        return site.terminals().get(0);
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            Blocking.await(client.close());
        }
        if (site != null) {
            site.close();
        }
        Blocking.await(hub.close());
    }

    @Test
    void theTokenIsRenewedAtHalfItsLifeSoTheTerminalNeverSeesAnExpiredOne() throws Exception {
        // a protocol minute of 3 s: a token asked for 1 minute lives 3 s on the emulated terminal
        Terminal terminal = start(SiteConfig.forTests().withTiming(DeviceTiming.fast().withMinute(Duration.ofSeconds(3))));
        client = TerminalClient.create(hub, Emulated.endpoint(terminal),
                ConnectorSettings.forTests().withTokenValidMinutes(1), listener);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Blocking.await(client.functions());
            return client.stats().logins() >= 3;
        });
        assertThat(client.stats().refusedTokens()).as("no request ever carried an expired token").isZero();
        assertThat(client.stats().basicAuthentication()).isFalse();
    }

    @Test
    void aTerminalThatRebootedAndForgotTheTokenGetsANewLogin() throws Exception {
        Terminal terminal = start(SiteConfig.forTests());
        client = TerminalClient.create(hub, Emulated.endpoint(terminal), ConnectorSettings.forTests(), listener);
        Blocking.await(client.functions());

        Blocking.await(terminal.restart(null));
        DeviceFunctions after = Blocking.await(client.functions());

        assertThat(after.authMode()).isZero();
        assertThat(client.stats()).isEqualTo(new TerminalClient.Stats(2, 1, false));
    }

    @Test
    void aWrongPasswordFailsAsUnauthorizedWithTheTerminalsCode() throws Exception {
        Terminal terminal = start(SiteConfig.forTests());
        client = TerminalClient.create(hub, Emulated.endpoint(terminal, "wrong", TlsTrust.firstUse()),
                ConnectorSettings.forTests(), listener);

        Throwable failure = Blocking.failure(client.functions());

        assertThat(failure).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.state()).isEqualTo(DeviceState.UNAUTHORIZED));
        assertThat(failure).hasMessageContaining("code 1001 (wrong password)");
    }

    @Test
    void aTerminalWithoutTheLoginEndpointGetsBasicAuthentication() {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (StandInTerminal old = new StandInTerminal(hub)) {
            old.on("/v1/device/functions", request -> {
                boolean ok = basic.equals(request.getHeader("Authorization"));
                request.response().setStatusCode(ok ? 200 : 401).end(ok
                        ? "{\"code\":200,\"msg\":\"OK\",\"data\":{\"auth_mode\":0,\"strong_hint\":true}}"
                        : "{\"code\":401,\"msg\":\"Unauthorized\",\"data\":null}");
            });
            client = TerminalClient.create(hub, old.endpoint(PASSWORD), ConnectorSettings.forTests(), listener);

            DeviceFunctions functions = Blocking.await(client.functions());

            assertThat(functions.strongHint()).isTrue();
            assertThat(client.stats()).isEqualTo(new TerminalClient.Stats(0, 0, true));
        }
    }

    @Test
    void neitherThePasswordNorATokenNorBasicCredentialsReachTheLog() throws Exception {
        Logger connectLogs = (Logger) LoggerFactory.getLogger("io.gatehouse.server.connect");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        Level before = connectLogs.getLevel();
        connectLogs.setLevel(Level.DEBUG);
        connectLogs.addAppender(captured);
        try {
            Terminal terminal = start(SiteConfig.forTests());
            TerminalPlan plan = new TerminalPlan("http://127.0.0.1:1/push", null, 0, true);
            TerminalConnector wrong = TerminalConnector.start(hub, Emulated.endpoint(terminal, "wrong-" + PASSWORD,
                    TlsTrust.firstUse()), plan, listener, ConnectorSettings.forTests());
            TerminalConnector right = TerminalConnector.start(hub, Emulated.endpoint(terminal), plan, listener,
                    ConnectorSettings.forTests());
            await().atMost(Duration.ofSeconds(10)).until(() -> wrong.state() == DeviceState.UNAUTHORIZED
                    && right.state() == DeviceState.ONLINE);
            Blocking.await(terminal.restart(null));
            await().atMost(Duration.ofSeconds(10)).until(() -> right.client().stats().refusedTokens() >= 1);
            Blocking.await(wrong.stop());
            Blocking.await(right.stop());
        } finally {
            connectLogs.detachAppender(captured);
            connectLogs.setLevel(before);
        }
        String basic = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(captured.list).isNotEmpty().allSatisfy(event -> assertThat(event.getFormattedMessage())
                .doesNotContain(PASSWORD).doesNotContain("eyJ").doesNotContain(basic));
        assertThat(listener.states).allSatisfy(s -> assertThat(s.reason()).doesNotContain(PASSWORD).doesNotContain("eyJ"));
    }
}
