package io.gatehouse.server.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.simulator.SimulatedSite;
import io.gatehouse.simulator.SiteConfig;
import io.gatehouse.simulator.terminal.Terminal;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hub configures a terminal as the issue asks: record push and remote authorization by read-modify-write,
 * read back, drift repaired on schedule, and nothing else on the terminal touched.
 */
class TerminalProvisioningTest {
    private static final String SECRET = "s3cr3t-per-device-token";
    private static final String PUSH = "http://127.0.0.1:1/gatehouse/push/" + SECRET;
    private static final String AUTH = "http://127.0.0.1:1/gatehouse/auth/" + SECRET;
    private static final TerminalPlan PLAN = new TerminalPlan(PUSH, AUTH, 5, false);

    private Vertx hub;
    private SimulatedSite site;
    private Terminal terminal;
    private SomeoneElse someoneElse;
    private final RecordingListener listener = new RecordingListener();
    private TerminalConnector connector;

    @BeforeEach
    void start() throws Exception {
        hub = Vertx.vertx();
        site = SimulatedSite.start(SiteConfig.forTests().withDevices(1, 0, 0).withCredentials("admin", "pass-w0rd"));
        terminal = site.terminals().get(0);
        someoneElse = new SomeoneElse(site.vertx(), terminal);
    }

    @AfterEach
    void stop() throws Exception {
        if (connector != null) {
            Blocking.await(connector.stop());
        }
        someoneElse.close();
        site.close();
        Blocking.await(hub.close());
    }

    @Test
    void provisioningSetsOnlyWhatThePlanNamesAndLeavesTheTerminalsOtherSettingsAsTheyWere() {
        someoneElse.setFunctions("{\"mode\":1,\"strong_hint\":false,\"name_status\":0,\"record_image\":false,"
                + "\"alarm_record\":false}");

        connector = TerminalConnector.start(hub, Emulated.endpoint(terminal), PLAN, listener, ConnectorSettings.forTests());
        await().atMost(Duration.ofSeconds(10)).until(() -> connector.state() == DeviceState.ONLINE);

        JsonNode functions = someoneElse.functions();
        assertThat(functions.path("auth_mode").asInt()).isEqualTo(1);
        assertThat(functions.path("remote_authentication_address").asText()).isEqualTo(AUTH);
        assertThat(functions.path("remote_auth_timeout_to_local_auth").asInt()).isEqualTo(5);
        // the settings someone else chose before the hub came are still theirs
        assertThat(functions.path("mode").asInt()).isEqualTo(1);
        assertThat(functions.path("strong_hint").asBoolean()).isFalse();
        assertThat(functions.path("name_status").asInt()).isEqualTo(0);
        assertThat(functions.path("record_image").asBoolean()).isFalse();
        assertThat(functions.path("alarm_record").asBoolean()).isFalse();
        assertThat(functions.path("record").asBoolean()).isTrue();
        assertThat(functions.path("avatar_status").asInt()).isEqualTo(1);
        assertThat(functions.path("device_run_type").asInt()).isEqualTo(1);

        JsonNode push = someoneElse.subscription();
        assertThat(push.path("event_dest").asText()).isEqualTo(PUSH);
        assertThat(push.path("enabled").asBoolean()).isTrue();

        assertThat(listener.states).last().satisfies(s -> {
            assertThat(s.state()).isEqualTo(DeviceState.ONLINE);
            assertThat(s.reason()).startsWith("configured: record push was event_dest (none)")
                    .contains("remote authorization was auth_mode 0");
        });
        assertThat(listener.infos).containsExactly(new DeviceInfo(terminal.serial(), "SenseNebula-Pass-S7", "v1.3.0", null));
        assertThat(listener.offLoopCalls).hasValue(0);
    }

    @Test
    void driftIsRepairedOnScheduleAndSomeoneElsesUnrelatedChangeIsKept() {
        connector = TerminalConnector.start(hub, Emulated.endpoint(terminal), PLAN, listener, ConnectorSettings.forTests());
        await().atMost(Duration.ofSeconds(10)).until(() -> connector.state() == DeviceState.ONLINE);

        someoneElse.subscribe("{\"event_dest\":\"http://127.0.0.1:2/someone-elses-server\",\"enabled\":false}");
        someoneElse.setFunctions("{\"auth_mode\":0,\"strong_hint\":false}");

        await().atMost(Duration.ofSeconds(10)).until(() -> someoneElse.functions().path("auth_mode").asInt() == 1
                && someoneElse.subscription().path("event_dest").asText().equals(PUSH));
        assertThat(someoneElse.subscription().path("enabled").asBoolean()).isTrue();
        assertThat(someoneElse.functions().path("strong_hint").asBoolean()).as("not the hub's to manage").isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.states.stream()
                .anyMatch(s -> s.reason().startsWith("repaired drift: record push was event_dest http://127.0.0.1:2/… (disabled)")));
    }

    @Test
    void aTerminalBackFromAFactoryResetIsConfiguredAgain() {
        connector = TerminalConnector.start(hub, Emulated.endpoint(terminal), PLAN, listener, ConnectorSettings.forTests());
        await().atMost(Duration.ofSeconds(10)).until(() -> connector.state() == DeviceState.ONLINE);

        // what a reset leaves: local decisions, no push destination
        someoneElse.setFunctions("{\"auth_mode\":0,\"remote_authentication_address\":\"\",\"remote_auth_timeout_to_local_auth\":0}");
        someoneElse.subscribe("{\"event_dest\":\"http://127.0.0.1:2/\",\"enabled\":false}");

        await().atMost(Duration.ofSeconds(10)).until(() -> someoneElse.functions().path("remote_authentication_address")
                .asText().equals(AUTH) && someoneElse.subscription().path("enabled").asBoolean());
        assertThat(connector.state()).isEqualTo(DeviceState.ONLINE);
    }

    @Test
    void aPlanThatNamesNothingChangesNothing() {
        JsonNode before = someoneElse.functions();
        connector = TerminalConnector.start(hub, Emulated.endpoint(terminal), new TerminalPlan(null, null, 0, false),
                listener, ConnectorSettings.forTests());
        await().atMost(Duration.ofSeconds(10)).until(() -> connector.state() == DeviceState.ONLINE);

        assertThat(connector.reason()).isEqualTo("configuration verified");
        assertThat(someoneElse.functions()).isEqualTo(before);
        assertThat(someoneElse.subscription().path("event_dest").asText()).isEmpty();
    }

    @Test
    void aWrongPasswordIsUnauthorizedAndTouchesNothing() {
        JsonNode before = someoneElse.functions();
        connector = TerminalConnector.start(hub, Emulated.endpoint(terminal, "not-the-password", TlsTrust.firstUse()),
                PLAN, listener, ConnectorSettings.forTests());

        await().atMost(Duration.ofSeconds(10)).until(() -> connector.state() == DeviceState.UNAUTHORIZED);
        assertThat(connector.reason()).isEqualTo("login refused: code 1001 (wrong password): wrong password;"
                + " check the device's username and password");
        assertThat(listener.states).noneMatch(s -> s.reason().contains("not-the-password"));
        assertThat(someoneElse.functions()).isEqualTo(before);
        assertThat(someoneElse.subscription().path("event_dest").asText()).isEmpty();
    }

    @Test
    void noStateReasonRevealsTheReceiverUrlsSecretPath() {
        someoneElse.subscribe("{\"event_dest\":\"http://127.0.0.1:2/old/" + SECRET + "\",\"enabled\":true}");
        connector = TerminalConnector.start(hub, Emulated.endpoint(terminal), PLAN, listener, ConnectorSettings.forTests());
        await().atMost(Duration.ofSeconds(10)).until(() -> connector.state() == DeviceState.ONLINE);

        assertThat(listener.states).isNotEmpty().noneMatch(s -> s.reason().contains(SECRET));
        assertThat(PLAN.toString()).doesNotContain(SECRET);
    }

    @Test
    void aTerminalServingPlainHttpIsConfiguredTheSameWay() throws Exception {
        try (SimulatedSite plain = SimulatedSite.start(SiteConfig.forTests().withDevices(1, 0, 0).withTls(false));
             SomeoneElse other = new SomeoneElse(plain.vertx(), plain.terminals().get(0))) {
            Terminal http = plain.terminals().get(0);
            connector = TerminalConnector.start(hub, new DeviceEndpoint(http.serial(), http.address(), http.port(), false,
                    http.username(), http.password(), null), PLAN, listener, ConnectorSettings.forTests());
            await().atMost(Duration.ofSeconds(10)).until(() -> connector.state() == DeviceState.ONLINE);

            assertThat(other.subscription().path("event_dest").asText()).isEqualTo(PUSH);
            assertThat(listener.pins).as("no certificate, nothing pinned").isEmpty();
            Blocking.await(connector.stop());
            connector = null;
        }
    }

    @Test
    void aPlanTheTerminalWouldRefuseIsRefusedHereWithTheField() {
        assertThatThrownBy(() -> new TerminalPlan("ftp://hub/push", null, 0, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pushUrl: event_dest must be an http:// or https:// URL");
        assertThatThrownBy(() -> new TerminalPlan(null, AUTH, 61, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("remoteAuthUrl: remote_auth_timeout_to_local_auth must be 0..60 minutes");
        assertThatThrownBy(() -> new TerminalPlan("http://hub/" + "x".repeat(1100), null, 0, false))
                .hasMessageContaining("longer than 1024 characters");
    }
}
