package io.gatehouse.protocol.sense;

import static io.gatehouse.protocol.Fixtures.decode;
import static io.gatehouse.protocol.Fixtures.written;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.protocol.Decoded;
import io.gatehouse.protocol.MessageKind;
import org.junit.jupiter.api.Test;

/**
 * An event type the documents do not know (a future firmware's) is kept whole: refusing it would make the
 * terminal cache and retry it forever.
 */
class SenseUnknownEventTest {

    @Test
    void keepsAnUndocumentedEventTypeWhole() throws Exception {
        String json = "{\"type\":7,\"data\":{\"door\":\"A\",\"open\":true,\"nested\":{\"x\":[1,2]}}}";
        Decoded d = decode(json);

        assertThat(d.message()).isInstanceOf(SenseUnknownEvent.class);
        assertThat(d.dialect().kind()).isEqualTo(MessageKind.UNKNOWN_EVENT);
        assertThat(((SenseUnknownEvent) d.message()).type()).isEqualTo(7);
        assertThat(d.notes()).containsExactly("type: undocumented event type 7 kept whole");
        assertThat(written(d.message())).isEqualTo(json);
    }
}
