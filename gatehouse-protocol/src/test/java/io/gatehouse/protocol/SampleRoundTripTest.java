package io.gatehouse.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Given each sample of the protocol reference, the codec recognises its dialect, and writing the decoded
 * message gives back the same document: field for field for the reference samples, and the same message
 * for the tolerant ones (whose oddities, such as a numeric user_id in v1.3.0, the strict writer corrects).
 */
class SampleRoundTripTest {
    private final ProtocolCodec codec = ProtocolCodec.standard();

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("sense-device-functions.json", "sense device-functions any"),
                Arguments.of("sense-login-request.json", "sense login-request any"),
                Arguments.of("sense-push-alarm-v1.3.0.json", "sense alarm v1.3.0"),
                Arguments.of("sense-push-receiver-answer.json", "sense push-answer any"),
                Arguments.of("sense-push-recognition-v0.0.8.json", "sense recognition v0.0.8"),
                Arguments.of("sense-push-recognition-v1.1.0.json", "sense recognition v1.1.0"),
                Arguments.of("sense-push-recognition-v1.3.0.json", "sense recognition v1.3.0"),
                Arguments.of("sense-records-query.json", "sense records-query any"),
                Arguments.of("sense-remote-auth-answer.json", "sense remote-auth-answer any"),
                Arguments.of("sense-remote-auth-request-v1.3.0.json", "sense remote-auth-request v1.3.0"),
                Arguments.of("sense-subscribe-config.json", "sense subscribe-config any"),
                Arguments.of("sense-ws-recognition-v1.2.1.json", "sense recognition v1.2.1"),
                Arguments.of("sophon-devices-response.json", "sophon device-list any"),
                Arguments.of("sophon-ws-config-v5.json", "sophon config V5"),
                Arguments.of("sophon-ws-config-v6.json", "sophon config V6"),
                Arguments.of("sophon-ws-event-v5.json", "sophon event V5"),
                Arguments.of("sophon-ws-event-v6.json", "sophon event V6"),
                Arguments.of("tolerant/sense-push-stranger-empty-user.json", "sense recognition v1.3.0"),
                Arguments.of("tolerant/sense-push-unknown-field.json", "sense recognition v1.3.0"),
                Arguments.of("tolerant/sense-push-user-id-number.json", "sense recognition v1.3.0"),
                Arguments.of("tolerant/sophon-v5-minimal.json", "sophon event V5"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void detectsTheDialect(String sample, String dialect) throws Exception {
        assertThat(codec.decode(Samples.bytes(sample)).dialect()).hasToString(dialect);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void reEncodesToAnEquivalentDocument(String sample, String dialect) throws Exception {
        Decoded decoded = codec.decode(Samples.bytes(sample));
        byte[] written = codec.encode(decoded.message());

        assertThat(codec.decode(written).message()).isEqualTo(decoded.message());
        if (!sample.startsWith("tolerant/")) {
            JsonNode original = codec.parse(Samples.bytes(sample));
            JsonNode rewritten = codec.parse(written);
            assertThat(rewritten.equals(NUMERIC_VALUE, original))
                    .as("re-encoded %s%n%s", sample, codec.json().writePretty(rewritten))
                    .isTrue();
        }
    }

    @org.junit.jupiter.api.Test
    void everySampleIsCovered() {
        assertThat(samples().map(a -> (String) a.get()[0])).containsExactlyInAnyOrderElementsOf(Samples.all());
    }

    /** 0 and 0.0 are the same temperature: compare numbers by value, everything else exactly. */
    static final Comparator<JsonNode> NUMERIC_VALUE = (a, b) -> {
        if (a instanceof NumericNode && b instanceof NumericNode) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };
}
