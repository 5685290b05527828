package io.gatehouse.protocol.sophon;

import static io.gatehouse.protocol.Fixtures.compact;
import static io.gatehouse.protocol.Fixtures.decode;
import static io.gatehouse.protocol.Fixtures.sample;
import static io.gatehouse.protocol.Fixtures.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The box's cameras, {@code GET :5555/SophonDevice/api/Devices}. */
class SophonDeviceListTest {

    @Test
    void readsTheDevicesSample() throws Exception {
        String json = sample("sophon-devices-response.json");
        SophonDeviceList list = decode(json, SophonDeviceList.class);

        assertThat(list.deviceIds()).containsExactly("2c1a6a12-ecf4-4490-a2fc-8d7a5023bfcd", "04f98265-1fad-47e5-9dda-66e191272055");
        assertThat(list.devices().get(0).name()).isEqualTo("lobby");
        assertThat(written(list)).isEqualTo(compact(json));
    }

    @Test
    void keepsTheOtherFieldsSeed004SaysToIgnore() throws Exception {
        // seed 004 step (4), its comments removed: "...": "..." stands for fields the client need not read
        String json = """
                {"data": {"devices_list": [{"device_id": "2c1a6a12-ecf4-4490-a2fc-8d7a5023bfcd", "...":"..."}]}}""";
        SophonDeviceList list = decode(json, SophonDeviceList.class);

        assertThat(list.devices().get(0).extra()).containsOnlyKeys("...");
        assertThat(written(list)).isEqualTo(compact(json));
    }

    @Test
    void aCameraWithoutIdIsRefused() {
        assertThatThrownBy(() -> decode("{\"data\":{\"devices_list\":[{\"name\":\"x\"}]}}"))
                .hasMessage("data.devices_list[0].device_id: required field is missing");
    }
}
