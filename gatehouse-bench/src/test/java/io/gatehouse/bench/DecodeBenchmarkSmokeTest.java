package io.gatehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.core.event.AccessEvent;
import io.gatehouse.core.event.DeviceEvent;
import io.gatehouse.protocol.Decoded;
import org.junit.jupiter.api.Test;

/**
 * The benchmark measures what it says: each payload decodes (events normalize), and the recognition push
 * carries a real JPEG of about 30 KB in base64 with a CJK name and groups. No timing is asserted here.
 */
class DecodeBenchmarkSmokeTest {

    @Test
    void everyBenchmarkedPayloadDecodesAndEveryEventNormalizes() throws Exception {
        for (String message : BenchPayloads.all().keySet()) {
            DecodeBenchmark bench = new DecodeBenchmark();
            bench.message = message;
            bench.setUp();
            Object result = bench.decodeAndNormalize();
            assertThat(result).as(message).isInstanceOfAny(DeviceEvent.class, Decoded.class);
            if (message.contains("event") || message.contains("recognition") || message.contains("alarm")
                    || message.contains("auth-request")) {
                assertThat(result).as(message).isInstanceOf(DeviceEvent.class);
            }
        }
    }

    @Test
    void theRecognitionPushCarriesARealThirtyKilobyteJpeg() throws Exception {
        DecodeBenchmark bench = new DecodeBenchmark();
        bench.message = BenchPayloads.RECOGNITION_30KB;
        bench.setUp();
        AccessEvent event = (AccessEvent) bench.decodeAndNormalize();

        assertThat(bench.payloadBytes()).isBetween(30_000, 32_000);
        assertThat(event.images()).singleElement().satisfies(image -> {
            assertThat(image.mediaType()).isEqualTo("image/jpeg");
            assertThat(image.size()).isBetween(22_000, 24_000);
        });
        assertThat(event.person().name()).isEqualTo("王五");
        assertThat(event.person().groups()).hasSize(2);
    }

    @Test
    void theReceiveBenchmarkEndsWithARowWhosePayloadReferencesTheImageByItsHash() throws Exception {
        for (String message : ReceiveBenchmark.class.getField("message")
                .getAnnotation(org.openjdk.jmh.annotations.Param.class).value()) {
            ReceiveBenchmark bench = new ReceiveBenchmark();
            bench.message = message;
            bench.setUp();
            String row = bench.decodeNormalizeAndPrepareRow().toString();
            row = row.substring(row.indexOf("payloadJson="));

            assertThat(row).as(message).contains("\"rgb_image\":\"blob:sha256:")
                    .doesNotContain(BenchImages.jpegBase64(30_000).substring(0, 200));
        }
    }

    @Test
    void everyParameterHasAPayload() throws Exception {
        String[] params = DecodeBenchmark.class.getField("message").getAnnotation(org.openjdk.jmh.annotations.Param.class).value();

        assertThat(params).containsExactlyInAnyOrderElementsOf(BenchPayloads.all().keySet());
    }
}
