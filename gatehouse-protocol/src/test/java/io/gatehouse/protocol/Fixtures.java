package io.gatehouse.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.protocol.json.DecodeException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What every fixture test does: decode a payload the way the hub does (dialect detection included), and
 * compare what a writer produces with the documented JSON, text for text: same fields, same order, same
 * number forms.
 */
public final class Fixtures {
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private Fixtures() {
    }

    public static Decoded decode(String json) throws DecodeException {
        return ProtocolCodec.standard().decode(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes and casts, for tests that know the message a payload is. */
    public static <T extends DeviceMessage> T decode(String json, Class<T> type) throws DecodeException {
        return type.cast(decode(json).message());
    }

    /** The message as the codec writes it, compact. */
    public static String written(DeviceMessage message) {
        return new String(ProtocolCodec.standard().encode(message), StandardCharsets.UTF_8);
    }

    /** {@code json} without its white space, field order and number forms kept. */
    public static String compact(String json) {
        try {
            JsonNode tree = PLAIN.readTree(json);
            return PLAIN.writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sample(String name) {
        return new String(Samples.bytes(name), StandardCharsets.UTF_8);
    }
}
