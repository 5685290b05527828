package io.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.config.ConfigException;
import io.gatehouse.server.config.ConfigSources;
import io.gatehouse.server.connect.ConnectorSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connectors' clocks and limits are hub settings like the others: file, environment, flag; checked at start. */
class HubConfigConnectTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultsAreTheConnectorsProductionSettings() {
        assertThat(HubConfig.defaults().connect()).isEqualTo(ConnectorSettings.production());
    }

    @Test
    void eachConnectorSettingComesFromTheFileTheEnvironmentOrAFlag() throws Exception {
        Path file = Files.writeString(dir.resolve("gatehouse.yaml"), """
                connect:
                  drift-check: 2m
                  max-message: 1MiB
                """);
        HubConfig config = HubConfig.from(new ConfigSources(HubConfig.SETTINGS).resolve(file,
                Map.of("GATEHOUSE_CONNECT_PING", "5s", "GATEHOUSE_CONNECT_TOKEN_VALIDITY", "2h"),
                Map.of("connect.backoff-max", new ConfigSources.Flag("--set connect.backoff-max", "30s"))));

        ConnectorSettings connect = config.connect();
        assertThat(connect.driftCheck()).isEqualTo(Duration.ofMinutes(2));
        assertThat(connect.maxMessageBytes()).isEqualTo(1 << 20);
        assertThat(connect.ping()).isEqualTo(Duration.ofSeconds(5));
        assertThat(connect.tokenValidMinutes()).isEqualTo(120);
        assertThat(connect.backoffMax()).isEqualTo(Duration.ofSeconds(30));
        assertThat(connect.backoffMin()).isEqualTo(Duration.ofSeconds(1));
        assertThat(connect.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void valuesAConnectorCannotUseStopTheHubWithTheKeyAndWhy() {
        assertThatThrownBy(() -> resolve("connect.backoff-max", "500ms")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("connect.backoff-max").hasMessageContaining("connect.backoff-min");
        assertThatThrownBy(() -> resolve("connect.token-validity", "90s")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("connect.token-validity").hasMessageContaining("whole minutes");
        assertThatThrownBy(() -> resolve("connect.token-validity", "25h")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("1m to 24h");
        assertThatThrownBy(() -> resolve("connect.ping", "0")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("connect.ping");
        assertThatThrownBy(() -> resolve("connect.max-message", "100")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("connect.max-message");
        assertThatThrownBy(() -> resolve("connect.request-timeout", "soon")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("connect.request-timeout").hasMessageContaining("duration");
    }

    private static HubConfig resolve(String key, String value) throws ConfigException {
        return HubConfig.from(new ConfigSources(HubConfig.SETTINGS).resolve(null, Map.of(),
                Map.of(key, new ConfigSources.Flag("--set " + key, value))));
    }
}
