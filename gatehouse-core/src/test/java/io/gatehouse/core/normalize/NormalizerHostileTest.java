package io.gatehouse.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.protocol.Decoded;
import io.gatehouse.protocol.Mutations;
import io.gatehouse.protocol.ProtocolCodec;
import io.gatehouse.protocol.Samples;
import io.gatehouse.protocol.json.DecodeException;
import org.junit.jupiter.api.Test;

/**
 * Hostile payloads through decode and normalize: images that are no base64, data URIs without base64,
 * images above the limit, and every wrong-typed value of every event sample. Each ends in a
 * {@link DecodeException} naming the field, or in an event; never in another exception.
 */
class NormalizerHostileTest {
    private final ProtocolCodec codec = ProtocolCodec.standard();

    private void normalize(JsonNode tree) throws DecodeException {
        Decoded decoded = codec.decode(tree);
        if (EventNormalizer.reportsEvent(decoded.message())) {
            EventNormalizer.standard().normalize(decoded.message(), tree, Origin.UNKNOWN);
        }
    }

    private void normalize(String json) throws DecodeException {
        normalize(codec.parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void invalidBase64IsNamedByItsField() {
        assertThatThrownBy(() -> normalize("{\"type\":0,\"data\":{\"deviceSN\":\"S\",\"timestamp\":1,\"rgb_image\":\"xxxxxxxxxxxxxx=\"}}"))
                .isInstanceOfSatisfying(DecodeException.class, e -> {
                    assertThat(e.path()).isEqualTo("data.rgb_image");
                    assertThat(e.reason()).startsWith("expected base64 image data");
                });
        assertThatThrownBy(() -> normalize("{\"device_id\":\"c\",\"timestamp\":1767225605020,\"score\":1,\"ext_data\":{\"spot_pic\":\"%%%\"}}"))
                .hasMessageStartingWith("ext_data.spot_pic: expected base64 image data");
        assertThatThrownBy(() -> normalize("{\"type\":1,\"data\":{\"trace_id\":\"t\",\"code\":1,\"event_time\":1,\"status\":1,\"alarm_photo\":\"@\"}}"))
                .hasMessageStartingWith("data.alarm_photo: expected base64 image data");
    }

    @Test
    void aDataUriWithoutBase64IsRefused() {
        assertThatThrownBy(() -> normalize("{\"media_device_id\":\"c\",\"timestamp\":1767225606020,\"score\":70,"
                + "\"register_image\":\"data:image/jpeg,abc\"}"))
                .hasMessage("register_image: expected a data URI of the form data:<type>;base64,<data>");
    }

    @Test
    void anImageAboveTheLimitIsRefusedBeforeDecoding() {
        String big = "A".repeat(6 << 20);

        assertThatThrownBy(() -> normalize("{\"device_id\":\"c\",\"timestamp\":1767225605020,\"score\":1,\"reg_pic\":\"" + big + "\"}"))
                .hasMessage("reg_pic: image of about 4718592 bytes exceeds the limit of 4194304 bytes");
    }

    @Test
    void everyWrongTypeInEveryEventSampleIsADecodeErrorOrAnEvent() throws Exception {
        int events = 0;
        for (String sample : Samples.all()) {
            JsonNode tree = codec.parse(Samples.bytes(sample));
            if (!EventNormalizer.reportsEvent(codec.decode(tree).message())) {
                continue;
            }
            for (Mutations.Mutation m : Mutations.of(tree)) {
                try {
                    normalize(m.document());
                    events++;
                } catch (DecodeException e) {
                    assertThat(e.reason()).as("%s %s", sample, m).isNotBlank().doesNotStartWith("unreadable payload (");
                    assertThat(m.blames(e))
                            .as("%s %s gave %s", sample, m, e.getMessage()).isTrue();
                }
            }
        }
        assertThat(events).as("tolerated variants still make events").isGreaterThan(500);
    }
}
