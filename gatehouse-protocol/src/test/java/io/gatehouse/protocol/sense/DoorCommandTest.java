package io.gatehouse.protocol.sense;

import static io.gatehouse.protocol.Fixtures.decode;
import static io.gatehouse.protocol.Fixtures.written;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.protocol.Decoded;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/device/door}: 0 open then close, 1 always open, 2 always closed. */
class DoorCommandTest {

    @Test
    void readsAndWritesEachOpenMode() throws Exception {
        for (DoorOpenMode mode : DoorOpenMode.values()) {
            String json = "{\"open_mode\":" + mode.code() + ",\"card_number\":\"12345\"}";
            DoorCommand command = decode(json, DoorCommand.class);

            assertThat(command.openModeKnown()).isEqualTo(mode);
            assertThat(written(command)).isEqualTo(json);
        }
    }

    @Test
    void keepsAnUndocumentedModeAndNotesIt() throws Exception {
        Decoded d = decode("{\"open_mode\":4}");

        assertThat(((DoorCommand) d.message()).openModeKnown()).isNull();
        assertThat(d.notes()).containsExactly("open_mode: undocumented code 4 kept");
        assertThat(written(d.message())).isEqualTo("{\"open_mode\":4}");
    }
}
