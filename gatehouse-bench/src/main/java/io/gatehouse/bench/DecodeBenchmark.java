package io.gatehouse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.core.normalize.EventNormalizer;
import io.gatehouse.core.normalize.Origin;
import io.gatehouse.protocol.Decoded;
import io.gatehouse.protocol.ProtocolCodec;
import io.gatehouse.protocol.json.DecodeException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the hub does with every payload before it stores anything: parse the bytes, detect the dialect, read
 * the message, and for events normalize it (images decoded and hashed). Issue #6's target: under 50 µs for
 * a recognition push with a 30 KB snapshot. Results and the command line are in docs/PERFORMANCE.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DecodeBenchmark {
    @Param({
        BenchPayloads.RECOGNITION_30KB, BenchPayloads.REMOTE_AUTH_30KB, "sense-recognition-v0.0.8", "sense-alarm-v1.3.0",
        "sense-remote-auth-request-v1.3.0",
        "sophon-event-V5", "sophon-event-V6", "sense-remote-auth-answer", "sense-push-answer", "sense-subscribe-config",
        "sense-device-functions", "sense-records-query", "sense-records-page", "sense-login-request", "sense-login-answer",
        "sense-door-command", "sense-envelope", "sophon-config-V5", "sophon-config-V6", "sophon-device-list"})
    public String message;

    private byte[] payload;
    private final ProtocolCodec codec = ProtocolCodec.standard();
    private final EventNormalizer normalizer = EventNormalizer.standard();

    @Setup
    public void setUp() {
        payload = BenchPayloads.bytes(message);
    }

    /** Bytes to a neutral event (or, for configurations and answers, to the typed message). */
    @Benchmark
    public Object decodeAndNormalize() throws DecodeException {
        JsonNode tree = codec.parse(payload);
        Decoded decoded = codec.decode(tree);
        if (EventNormalizer.reportsEvent(decoded.message())) {
            return normalizer.normalize(decoded.message(), tree, Origin.UNKNOWN);
        }
        return decoded;
    }

    int payloadBytes() {
        return payload.length;
    }
}
