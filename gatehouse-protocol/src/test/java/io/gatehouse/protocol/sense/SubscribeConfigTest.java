package io.gatehouse.protocol.sense;

import static io.gatehouse.protocol.Fixtures.compact;
import static io.gatehouse.protocol.Fixtures.decode;
import static io.gatehouse.protocol.Fixtures.sample;
import static io.gatehouse.protocol.Fixtures.written;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code /v1/event/subscribe} (seed 000, deprecated in favour of /v1/device/functions but still served). */
class SubscribeConfigTest {

    @Test
    void readsTheSubscribeSample() throws Exception {
        String json = sample("sense-subscribe-config.json");
        SubscribeConfig c = decode(json, SubscribeConfig.class);

        assertThat(c.eventDest()).isEqualTo("https://192.0.2.10:8443/eventRcv");
        assertThat(c.enabled()).isTrue();
        assertThat(c.problem()).isNull();
        assertThat(written(c)).isEqualTo(compact(json));
    }

    @Test
    void readsSeed000sRequestExampleWithoutEnabled() throws Exception {
        SubscribeConfig c = decode("{\n    \"event_dest\" : \"http://ip:port/eventRcv\"\n}", SubscribeConfig.class);

        assertThat(c.enabled()).isNull();
        assertThat(written(c)).isEqualTo("{\"event_dest\":\"http://ip:port/eventRcv\"}");
    }

    @Test
    void theTerminalTakesOnlyHttpUrlsOfAtMost1024Characters() {
        assertThat(new SubscribeConfig("ftp://192.0.2.10/x", true).problem()).isEqualTo("event_dest must be an http:// or https:// URL");
        assertThat(new SubscribeConfig("http://h/" + "a".repeat(1015), true).problem()).isNull();
        assertThat(new SubscribeConfig("http://h/" + "a".repeat(1016), true).problem())
                .isEqualTo("event_dest is longer than 1024 characters");
        assertThat(new SubscribeConfig(" ", true).problem()).isEqualTo("event_dest is required");
        assertThat(new SubscribeConfig("http:///x", true).problem()).isEqualTo("event_dest has no host");
    }
}
