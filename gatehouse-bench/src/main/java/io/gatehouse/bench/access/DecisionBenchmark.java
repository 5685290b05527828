package io.gatehouse.bench.access;

import io.gatehouse.core.event.AccessEvent;
import io.gatehouse.core.policy.AccessPolicy;
import io.gatehouse.core.policy.Decision;
import io.gatehouse.core.policy.PassbackLedger;
import io.gatehouse.core.policy.Verdict;
import io.gatehouse.core.policy.authorize.AuthorizerSettings;
import io.gatehouse.core.policy.authorize.CurrentDirectory;
import io.gatehouse.core.policy.authorize.RemoteAuthorizer;
import io.gatehouse.core.policy.directory.Directory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The remote-authorization decision on the {@link SyntheticDirectory} (10,000 people, 200 doors, 1,000 rules).
 * {@code policy} is the pure pipeline; {@code authorizer} adds what every request pays on top: the decision
 * record, the budget timer (scheduled and cancelled), the tip, the ledger and the log hand-off.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class DecisionBenchmark {
    private static final Instant TUESDAY_10_BERLIN = SyntheticDirectory.TUESDAY_10_BERLIN;

    private Directory directory;
    private AccessEvent[] requests;
    private final AccessPolicy policy = new AccessPolicy();
    private final PassbackLedger ledger = new PassbackLedger();
    private RemoteAuthorizer authorizer;
    private ScheduledExecutorService timer;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        directory = SyntheticDirectory.directory();
        requests = SyntheticDirectory.requests(4096, 42);
        CurrentDirectory current = new CurrentDirectory();
        current.publish(directory);
        timer = RemoteAuthorizer.deadlineTimer();
        authorizer = new RemoteAuthorizer(current, null, d -> CompletableFuture.completedFuture(null),
                Clock.fixed(TUESDAY_10_BERLIN, ZoneOffset.UTC), timer, AuthorizerSettings.defaults());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        timer.shutdownNow();
    }

    @Benchmark
    public Verdict policy() {
        return policy.decide(requests[next++ & (requests.length - 1)], directory, ledger, TUESDAY_10_BERLIN);
    }

    @Benchmark
    public Decision authorizer() {
        return authorizer.authorize(requests[next++ & (requests.length - 1)], System.nanoTime()).join();
    }
}
