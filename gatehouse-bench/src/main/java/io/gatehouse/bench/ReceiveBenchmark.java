package io.gatehouse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.core.event.DeviceEvent;
import io.gatehouse.core.normalize.EventNormalizer;
import io.gatehouse.core.normalize.Origin;
import io.gatehouse.core.store.Channel;
import io.gatehouse.core.store.Ingested;
import io.gatehouse.protocol.ProtocolCodec;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.server.store.RowPreparation;
import java.time.Instant;
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
 * Everything the receiving event loop does with a 30 KB event before the store's writer takes it: decode and
 * normalize (as {@link DecodeBenchmark}), then prepare the row (the images taken out of the payload and replaced
 * by their hashes, the event's JSON rendered). The difference to {@code DecodeBenchmark} is the row. Results and
 * the command line are in docs/PERFORMANCE.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ReceiveBenchmark {
    private static final Instant RECEIVED = Instant.parse("2026-01-01T00:00:05Z");

    @Param({BenchPayloads.RECOGNITION_30KB, BenchPayloads.REMOTE_AUTH_30KB})
    public String message;

    private byte[] payload;
    private final ProtocolCodec codec = ProtocolCodec.standard();
    private final EventNormalizer normalizer = EventNormalizer.standard();

    @Setup
    public void setUp() {
        payload = BenchPayloads.bytes(message);
    }

    /** Bytes to the row the writer inserts. */
    @Benchmark
    public Object decodeNormalizeAndPrepareRow() throws DecodeException {
        JsonNode tree = codec.parse(payload);
        DeviceEvent event = normalizer.normalize(codec.decode(tree).message(), tree, Origin.UNKNOWN);
        return RowPreparation.prepare(new Ingested(event, "bench", Channel.RECORD_PUSH, RECEIVED));
    }
}
