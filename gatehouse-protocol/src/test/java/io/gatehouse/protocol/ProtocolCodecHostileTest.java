package io.gatehouse.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.DecodeLimits;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Hostile payloads on the codec: each gives a {@link DecodeException} with a path and a reason and never any
 * other exception, and oversized input is refused before it is parsed. The codec turns a reader's runtime
 * exception into a DecodeException saying "unreadable payload (...)"; these tests require that this never
 * happens, so a reader bug cannot hide behind it.
 */
class ProtocolCodecHostileTest {
    private final ProtocolCodec codec = ProtocolCodec.standard();
    private final DecodeLimits limits = DecodeLimits.DEFAULT;

    private DecodeException refused(byte[] payload) {
        try {
            Decoded decoded = codec.decode(payload);
            return fail("decoded a hostile payload as %s", decoded.dialect());
        } catch (DecodeException e) {
            assertThat(e.path()).isNotNull();
            assertThat(e.reason()).isNotBlank().doesNotStartWith("unreadable payload (");
            return e;
        }
    }

    private DecodeException refused(String payload) {
        return refused(payload.getBytes(StandardCharsets.UTF_8));
    }

    private static void refusedWith(DecodeException e, String path, String reasonPart) {
        assertThat(e.path()).isEqualTo(path);
        assertThat(e.reason()).contains(reasonPart);
    }

    @Test
    void everyTruncationOfEverySampleIsRefused() {
        for (String sample : Samples.all()) {
            byte[] whole = Samples.bytes(sample);
            for (int length = 0; length < whole.length - 2; length++) {
                // the last bytes are the closing brace and a newline
                byte[] cut = Arrays.copyOf(whole, length);
                if (new String(cut, StandardCharsets.UTF_8).isBlank()) {
                    refused(cut);
                    continue;
                }
                DecodeException e = refused(cut);
                assertThat(e.reason()).as("%s cut at %d", sample, length)
                        .containsAnyOf("malformed JSON", "expected a JSON document");
            }
        }
    }

    @Test
    void aWrongTypeAtAnyLevelIsADecodeErrorNamingThatFieldOrIsTolerated() {
        int refusedCount = 0;
        for (String sample : Samples.all()) {
            for (Mutations.Mutation m : Mutations.of(parse(Samples.bytes(sample)))) {
                try {
                    codec.decode(m.document());
                } catch (DecodeException e) {
                    refusedCount++;
                    assertThat(e.reason()).as("%s %s", sample, m).isNotBlank().doesNotStartWith("unreadable payload (");
                    assertThat(m.blames(e))
                            .as("%s %s gave %s", sample, m, e.getMessage()).isTrue();
                }
            }
        }
        assertThat(refusedCount).as("most wrong types are refused").isGreaterThan(1000);
    }

    @Test
    void aTenMegabyteStringIsRefusedBeforeParsing() {
        byte[] big = ("{\"type\":0,\"data\":{\"deviceSN\":\"" + "A".repeat(10 << 20) + "\"}}").getBytes(StandardCharsets.US_ASCII);

        refusedWith(refused(big), "", "payload of " + big.length + " bytes exceeds the limit of 8388608 bytes");
        // not parsed at all: garbage of the same size gets the same answer, not a syntax error
        byte[] garbage = new byte[big.length];
        Arrays.fill(garbage, (byte) 0xFF);
        refusedWith(refused(garbage), "", "exceeds the limit of 8388608 bytes");
    }

    @Test
    void aStringAboveTheStringLimitIsStoppedWhereItIs() {
        String image = "A".repeat(limits.maxStringChars() + 1);

        refusedWith(refused("{\"type\":0,\"data\":{\"deviceSN\":\"SN1\",\"rgb_image\":\"" + image + "\"}}"),
                "data.rgb_image", "payload exceeds a decoder limit: String value length");
    }

    @Test
    void deepNestingIsStoppedAtTheDepthLimit() {
        String objects = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
        String arrays = "[".repeat(10_000) + "]".repeat(10_000);

        DecodeException deep = refused(objects);
        assertThat(deep.reason()).contains("payload exceeds a decoder limit: Document nesting depth (33) exceeds the maximum allowed (32");
        assertThat(deep.path()).isEqualTo(String.join(".", java.util.Collections.nCopies(32, "a")));
        assertThat(refused(arrays).reason()).contains("nesting depth");
        assertThat(refused("{\"type\":0,\"data\":" + arrays + "}").reason()).contains("nesting depth");
    }

    @Test
    void manyTinyValuesAreStoppedAtTheTokenLimit() {
        String zeros = "{\"type\":0,\"data\":{\"deviceSN\":\"SN1\",\"x\":[" + "0,".repeat(limits.maxTokens()) + "0]}}";

        DecodeException e = refused(zeros);
        assertThat(e.path()).startsWith("data.x[");
        assertThat(e.reason()).contains("payload exceeds a decoder limit: Token count (100001) exceeds the maximum allowed (100000");
    }

    /**
     * Memory, not time: the bytes this thread allocates while decoding the worst payloads the limits let
     * through stay within a few times the payload (docs/PROTOCOLS.md, "Decoder limits").
     */
    @Test
    void decodingTheLargestAcceptedPayloadsAllocatesAFewTimesTheirSize() throws Exception {
        byte[] oneHugeImage = ("{\"device_id\":\"c\",\"timestamp\":1767225605020,\"score\":0.7,\"reg_pic\":\""
                + "A".repeat(limits.maxStringChars()) + "\"}").getBytes(StandardCharsets.US_ASCII);
        byte[] manyValues = ("{\"device_id\":\"c\",\"timestamp\":1767225605020,\"score\":0.7,\"x\":["
                + "0,".repeat(limits.maxTokens() - 20) + "0]}").getBytes(StandardCharsets.US_ASCII);
        byte[] tooManyValues = ("{\"x\":[" + "0,".repeat(limits.maxDocumentBytes() / 2 - 10) + "0]}")
                .getBytes(StandardCharsets.US_ASCII);

        // measured on JDK 17: 26.5 MB for the 6.3 MB payload (Jackson decodes strings through a UTF-16 buffer),
        // 1.3 MB for 100,000 values, 1.5 MB for 8 MB of values stopped at the token limit
        assertThat(allocatedWhileDecoding(oneHugeImage)).isLessThan(5L * oneHugeImage.length);
        assertThat(allocatedWhileDecoding(manyValues)).isLessThan(4L << 20);
        assertThat(allocatedWhileDecoding(tooManyValues)).as("stopped at the token limit").isLessThan(4L << 20);
    }

    private long allocatedWhileDecoding(byte[] payload) {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        try {
            codec.decode(payload);
        } catch (DecodeException e) {
            // refused or not, the allocation is what counts here
        }
        return threads.getThreadAllocatedBytes(id) - before;
    }

    @Test
    void duplicateKeysAreRefused() {
        refusedWith(refused("{\"type\":0,\"type\":1,\"data\":{}}"), "type", "Duplicate field 'type'");
        refusedWith(refused("{\"type\":0,\"data\":{\"deviceSN\":\"A\",\"timestamp\":1,\"deviceSN\":\"B\"}}"),
                "data.deviceSN", "Duplicate field 'deviceSN'");
    }

    @Test
    void nanAndInfinityAreRefusedAsNumbersAndAsStrings() {
        String record = "{\"type\":0,\"data\":{\"deviceSN\":\"SN1\",\"timestamp\":1767225600,\"recognizeScore\":%s}}";

        refusedWith(refused(record.formatted("NaN")), "data.recognizeScore", "malformed JSON");
        refusedWith(refused(record.formatted("Infinity")), "data.recognizeScore", "malformed JSON");
        refusedWith(refused(record.formatted("-Infinity")), "data.recognizeScore", "malformed JSON");
        refusedWith(refused(record.formatted("\"NaN\"")), "data.recognizeScore", "expected a number, found the string \"NaN\"");
        refusedWith(refused(record.formatted("\"Infinity\"")), "data.recognizeScore", "expected a number");
        refusedWith(refused(record.formatted("1e999")), "data.recognizeScore", "expected a finite number");
        refusedWith(refused(record.formatted("\"1e999\"")), "data.recognizeScore", "expected a finite number");
    }

    @Test
    void hugeNumbersAreRefusedWithoutExpandingThem() {
        String record = "{\"type\":0,\"data\":{\"deviceSN\":\"SN1\",\"timestamp\":%s}}";

        refusedWith(refused(record.formatted("1e999999999")), "data.timestamp", "expected a finite number");
        refusedWith(refused(record.formatted("\"1e999999999\"")), "data.timestamp", "expected a whole number, found the string \"1e999999999\"");
        refusedWith(refused(record.formatted("123456789012345678901234567890")), "data.timestamp",
                "expected a whole number, found the number 123456789012345678901234567890");
        refusedWith(refused(record.formatted("1".repeat(100))), "data.timestamp", "Number value length");
        refusedWith(refused(record.formatted("1767225600.5")), "data.timestamp", "expected a whole number");
    }

    @Test
    void nullsAreAbsentValuesAndRequiredOnesAreNamed() {
        refusedWith(refused("null"), "", "expected a JSON object, found null");
        refusedWith(refused("{\"type\":null,\"data\":null}"), "type", "required field is missing");
        refusedWith(refused("{\"type\":0,\"data\":null}"), "data", "required field is missing");
        refusedWith(refused("{\"type\":0,\"data\":{\"deviceSN\":null,\"timestamp\":null}}"), "data.deviceSN", "required field is missing");
    }

    @Test
    void arraysWhereObjectsGoAreNamed() {
        refusedWith(refused("[]"), "", "expected a JSON object, found array");
        refusedWith(refused("{\"type\":0,\"data\":[]}"), "data", "expected an object, found an array");
        refusedWith(refused("{\"type\":0,\"data\":{\"deviceSN\":\"SN1\",\"timestamp\":1,\"user\":[]}}"), "data.user",
                "expected an object, found an array");
        refusedWith(refused("{\"data\":{\"devices_list\":{}}}"), "data.devices_list", "expected an array, found an object");
        refusedWith(refused("{\"data\":{\"devices_list\":[[]]}}"), "data.devices_list[0]", "expected an object, found an array");
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        byte[] latin1 = "{\"type\":0,\"data\":{\"deviceSN\":\"Stra\u00dfe\",\"timestamp\":1}}".getBytes(StandardCharsets.ISO_8859_1);

        refusedWith(refused(latin1), "data.deviceSN", "Invalid UTF-8");
        refusedWith(refused(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', '"', '}'}), "a", "Invalid UTF-8 middle byte");
        refusedWith(refused(new byte[] {(byte) 0x80, '{', '}'}), "", "Invalid UTF-8 start byte");
    }

    @Test
    void anEmptyOrBlankBodyIsRefused() {
        refusedWith(refused(new byte[0]), "", "empty payload");
        refusedWith(refused(" \n\t "), "", "expected a JSON document, found only white space");
    }

    @Test
    void trailingGarbageAndSecondDocumentsAreRefused() {
        refusedWith(refused("{\"open_mode\":0} {\"open_mode\":1}"), "", "malformed JSON");
        refusedWith(refused("{\"open_mode\":0}x"), "", "malformed JSON");
    }

    @Test
    void anOverlongFieldNameIsRefused() {
        refusedWith(refused("{\"" + "n".repeat(2000) + "\":1}"), "", "Name length");
    }

    @Test
    void tighterLimitsApplyWhereConfigured() {
        ProtocolCodec small = new ProtocolCodec(new DecodeLimits(1024, 100, 4, 64));

        assertThatThrownBy(() -> small.decode(Samples.bytes("sense-push-recognition-v1.3.0.json")))
                .isInstanceOf(DecodeException.class).hasMessageContaining("exceeds the limit of 1024 bytes");
        assertThatThrownBy(() -> small.decode("{\"deviceSN\":\"x\",\"a\":{\"b\":{\"c\":{\"d\":{}}}}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DecodeException.class).hasMessageContaining("nesting depth");
    }

    private com.fasterxml.jackson.databind.JsonNode parse(byte[] payload) {
        try {
            return codec.parse(payload);
        } catch (DecodeException e) {
            throw new AssertionError(e);
        }
    }

}
