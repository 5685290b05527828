package io.gatehouse.bench.load;

import io.gatehouse.bench.access.SyntheticDirectory;
import io.gatehouse.core.event.AccessEvent;
import io.gatehouse.core.policy.Decision;
import io.gatehouse.core.policy.authorize.AuthorizerSettings;
import io.gatehouse.core.policy.authorize.CurrentDirectory;
import io.gatehouse.core.policy.authorize.RemoteAuthorizer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The authorizer at a constant offered rate, in process (no HTTP): each request is due at its time, handed to a
 * pool of two threads (the hub's event loops on this machine), and its latency is charged from when it was
 * due. Reports, per rate, the achieved rate, latency percentiles and how many answers were the fail-mode.
 *
 * <pre>java -cp gatehouse-bench/target/gatehouse-bench.jar io.gatehouse.bench.load.AuthorizerLoad [rate,...] [seconds]</pre>
 */
public final class AuthorizerLoad {
    private AuthorizerLoad() {
    }

    public static void main(String[] args) throws Exception {
        String[] rates = (args.length > 0 ? args[0] : "1000,10000,50000,100000").split(",");
        Duration step = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 10);
        AccessEvent[] requests = SyntheticDirectory.requests(4096, 7);
        CurrentDirectory directory = new CurrentDirectory();
        directory.publish(SyntheticDirectory.directory());
        ScheduledExecutorService timer = RemoteAuthorizer.deadlineTimer();
        ExecutorService loops = Executors.newFixedThreadPool(2);
        AtomicLong failModes = new AtomicLong();
        RemoteAuthorizer authorizer = new RemoteAuthorizer(directory, null, decision -> {
            if (decision.failMode()) {
                failModes.incrementAndGet();
            }
            return CompletableFuture.completedFuture(null);
        }, Clock.systemUTC(), timer, AuthorizerSettings.defaults());
        OpenLoop loop = new OpenLoop(100_000);
        try {
            loop.run(10_000, Duration.ofSeconds(5), i -> send(authorizer, loops, requests[(int) (i & 4095)])); // warm-up
            System.out.printf("%10s %10s %9s %9s %9s %9s %9s %7s %10s%n", "offered/s", "achieved/s", "p50 ms", "p99 ms",
                    "p99.9 ms", "max ms", "overload", "failed", "fail-mode");
            for (String rate : rates) {
                failModes.set(0);
                OpenLoop.Result r = loop.run(Double.parseDouble(rate), step, i -> send(authorizer, loops, requests[(int) (i & 4095)]));
                System.out.printf("%10.0f %10.0f %9.3f %9.3f %9.3f %9.3f %9d %7d %10d%n", r.offeredRate(), r.achievedRate(),
                        r.percentileMillis(50), r.percentileMillis(99), r.percentileMillis(99.9),
                        r.latency().getMaxValue() / 1e6, r.overload(), r.failed(), failModes.get());
            }
        } finally {
            loops.shutdownNow();
            timer.shutdownNow();
        }
    }

    private static CompletableFuture<Decision> send(RemoteAuthorizer authorizer, ExecutorService loops, AccessEvent request) {
        return CompletableFuture.supplyAsync(System::nanoTime, loops)
                .thenCompose(received -> authorizer.authorize(request, received));
    }
}
