package io.gatehouse.bench;

import io.gatehouse.core.store.AppendResult;
import io.gatehouse.core.store.Ingested;
import io.gatehouse.server.db.Database;
import io.gatehouse.server.store.EventStorage;
import io.gatehouse.server.store.RetentionSettings;
import io.gatehouse.server.store.StoreSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The writer's group commit, through the store's public {@code append}: one operation is a batch of {@code batch}
 * new events appended at once and acknowledged durably (one WAL commit with {@code synchronous=FULL} holding the events
 * and their images). Dividing the time per operation by the batch size gives the cost of one
 * durable event at that batch size: what group commit saves is the difference between the rows.
 *
 * <p>The events are built before each operation (outside the measured time), each with its own image of
 * {@code imageBytes} random bytes, so that no image is deduplicated away. Each operation is milliseconds of fsyncs,
 * which is what {@link Level#Invocation} set-up is for.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class StoreCommitBenchmark {

    @Param({"1", "10", "100", "500"})
    public int batch;

    @Param({"2000", "30000"})
    public int imageBytes;

    private Path data;
    private EventStorage storage;
    private final Random random = new Random(7);
    private long next;
    private List<Ingested> events;

    @Setup(Level.Trial)
    public void open() throws Exception {
        data = Files.createTempDirectory("gatehouse-commit-bench");
        storage = EventStorage.open(Database.open(data), data, StoreSettings.DEFAULTS, RetentionSettings.DEFAULTS,
                new SimpleMeterRegistry());
    }

    @Setup(Level.Invocation)
    public void nextBatch() {
        events = StoreWriterBench.build(next, batch, imageBytes, random);
        next += batch;
    }

    /** @return how many of the batch were stored as new events (all of them, unless something is wrong) */
    @Benchmark
    public long appendBatchDurably() {
        List<CompletableFuture<AppendResult>> acks = new ArrayList<>(batch);
        for (Ingested event : events) {
            acks.add(storage.store().append(event).toCompletableFuture());
        }
        return acks.stream().map(CompletableFuture::join).filter(result -> !result.duplicate()).count();
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        storage.close();
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
