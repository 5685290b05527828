package io.gatehouse.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.gatehouse.simulator.device.SimulatedDevice;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A site puts terminals first, then boxes, on consecutive loopback addresses, and produces at its rate. */
class SimulatedSiteTest {
    @Test
    void devicesGetConsecutiveLoopbackAddressesTerminalsFirst() throws Exception {
        try (SimulatedSite site = SimulatedSite.start(SiteConfig.forTests().withFirstAddress("127.0.9.253")
                .withDevices(2, 2, 1))) {
            assertThat(site.devices()).extracting(SimulatedDevice::address)
                    .containsExactly("127.0.9.253", "127.0.9.254", "127.0.10.1", "127.0.10.2");
            assertThat(site.devices()).extracting(d -> d.kind().label())
                    .containsExactly("terminal", "terminal", "se-box", "se-box");
            assertThat(site.device(site.terminals().get(1).serial())).contains(site.terminals().get(1));
        }
    }

    @Test
    void aRateProducesRecognitionsByItself() throws Exception {
        try (SimulatedSite site = SimulatedSite.start(SiteConfig.forTests().withDevices(1, 1, 2).withRate(20))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> site.terminals().get(0).counters().generated() >= 5
                    && site.boxes().get(0).counters().generated() >= 10);
        }
    }

    @Test
    void plainHttpServesTheSameApiWithoutTls() throws Exception {
        try (SimulatedSite site = SimulatedSite.start(SiteConfig.forTests().withTls(false).withCredentials("admin", "pw"));
             TerminalClient client = new TerminalClient(site.vertx(), site.terminals().get(0))) {
            assertThat(site.terminals().get(0).baseUrl()).startsWith("http://");
            assertThat(site.terminals().get(0).ports()).containsOnlyKeys("http");
            assertThat(client.get("/v1/device/info", client.basic()).code()).isEqualTo(200);
            assertThat(client.get("/v1/device/info", null).code()).isEqualTo(401);
        }
    }

    @Test
    void addressesOutsideLoopbackAreRefused() {
        assertThatThrownBy(() -> LoopbackAddresses.from("192.168.1.10", 1)).hasMessageContaining("127.0.0.0/8");
        assertThat(LoopbackAddresses.from("127.0.1.1", 3)).isEqualTo(List.of("127.0.1.1", "127.0.1.2", "127.0.1.3"));
    }
}
