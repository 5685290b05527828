package io.gatehouse.bench.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.bench.load.Fleet.Scenario;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Steps the offered rate of one scenario up: each rate gets an unmeasured warm-up, then a measured step at a
 * constant offered rate ({@link OpenLoop}). A step is <em>sustained</em> when every request got a 200, the
 * answers kept up with the offered rate (95 %), and, where the server says so, none of the 200s was a fail-mode
 * answer (the hub answers a door with its fail-mode when the decision or its commit misses the budget: a 200, but
 * not a decision); it <em>meets the latency target</em> when it is sustained with p99 at or under the target.
 * Stepping stops after the first step that is not sustained.
 */
final class RateSteps {
    /** What a step's offered load did to the server's memory; {@code -1} where unknown. */
    record Memory(long maxRssBytes, long maxHeapUsedBytes) {
        static final Memory UNKNOWN = new Memory(-1, -1);

        void into(ObjectNode json) {
            json.put("rssMiB", maxRssBytes < 0 ? null : maxRssBytes / (double) (1 << 20));
            json.put("heapUsedMiB", maxHeapUsedBytes < 0 ? null : maxHeapUsedBytes / (double) (1 << 20));
        }
    }

    /**
     * The server's running totals, read before and after a step; {@code -1} where the server does not say.
     *
     * @param failModes      fail-mode answers (a 200 that is not a decision)
     * @param gcPauses       collector pauses, and {@code gcPauseSeconds} their total: a door's answer waits them out
     * @param allocatedBytes bytes the server's JVM allocated: each young collection follows from them
     */
    record Counters(long failModes, long gcPauses, double gcPauseSeconds, long allocatedBytes) {
        static final Counters UNKNOWN = new Counters(-1, -1, -1, -1);

        Counters minus(Counters before) {
            return new Counters(since(failModes, before.failModes), since(gcPauses, before.gcPauses),
                    gcPauseSeconds < 0 || before.gcPauseSeconds < 0 ? -1 : gcPauseSeconds - before.gcPauseSeconds,
                    since(allocatedBytes, before.allocatedBytes));
        }

        private static long since(long now, long before) {
            return now < 0 || before < 0 ? -1 : now - before;
        }
    }

    /** @param during the server's counters over the step: {@code failModes} among its 200s, its pauses, its allocation */
    record Step(OpenLoop.Result result, Counters during, boolean sustained, boolean meetsLatency, Memory memory) {
        void into(ObjectNode step) {
            OpenLoop.Result r = result;
            step.put("offeredRate", r.offeredRate());
            step.put("achievedRate", r.achievedRate());
            step.put("ok", r.ok());
            step.put("failed", r.failed());
            step.put("overload", r.overload());
            if (during.failModes() >= 0) {
                step.put("failModeAnswers", during.failModes());
            }
            if (during.gcPauses() >= 0) {
                step.put("gcPauses", during.gcPauses()).put("gcPauseMillis", during.gcPauseSeconds() * 1000);
            }
            if (during.allocatedBytes() >= 0 && r.ok() > 0) {
                step.put("allocatedKiBPerAnswer", during.allocatedBytes() / 1024.0 / r.ok());
            }
            step.put("p50Millis", r.percentileMillis(50));
            step.put("p99Millis", r.percentileMillis(99));
            step.put("p999Millis", r.percentileMillis(99.9));
            step.put("maxMillis", r.latency().getMaxValue() / 1e6);
            step.put("sustained", sustained);
            step.put("meetsTarget", meetsLatency);
            memory.into(step);
        }
    }

    /** The outcome of one scenario: its steps and how many requests were answered 200 in all (warm-ups too). */
    record Outcome(Scenario scenario, double p99TargetMillis, List<Step> steps, long answered) {
        Outcome plusAnswered(long more) {
            return new Outcome(scenario, p99TargetMillis, steps, answered + more);
        }

        /** The highest sustained rate; 0 when none was. */
        Step peak() {
            return best(false);
        }

        /** The highest rate that met the latency target; null when none did. */
        Step bestMeetingTarget() {
            return best(true);
        }

        /** Whether every rate was sustained: the real peak lies beyond the steps. */
        boolean peakBeyondSteps() {
            return !steps.isEmpty() && steps.stream().allMatch(Step::sustained);
        }

        private Step best(boolean latency) {
            Step best = null;
            for (Step s : steps) {
                if ((latency ? s.meetsLatency() : s.sustained())
                        && (best == null || s.result().offeredRate() > best.result().offeredRate())) {
                    best = s;
                }
            }
            return best;
        }
    }

    private final Fleet fleet;
    private final Duration warmup;
    private final Duration duration;
    private final boolean keepGoing;
    private final Supplier<Memory> memory;
    private final Supplier<Counters> counters;
    private final PrintStream out;

    /**
     * @param memory    samples the server's memory (called about once a second during steps); null for none
     * @param counters  the server's counters so far; null when it has none (the ceiling)
     */
    RateSteps(Fleet fleet, Duration warmup, Duration duration, boolean keepGoing, Supplier<Memory> memory,
              Supplier<Counters> counters, PrintStream out) {
        this.fleet = fleet;
        this.warmup = warmup;
        this.duration = duration;
        this.keepGoing = keepGoing;
        this.memory = memory;
        this.counters = counters == null ? () -> Counters.UNKNOWN : counters;
        this.out = out;
    }

    /** Unmeasured load at {@code rate} for {@code time}; returns the requests answered 200. */
    long prime(Scenario scenario, double rate, Duration time) throws InterruptedException {
        if (time.isZero()) {
            return 0;
        }
        OpenLoop.Result r = new OpenLoop(20_000).run(rate, time, i -> fleet.send(scenario, i));
        out.printf("%nprimed with %s at %.0f/s for %d s: %d answered, %d failed%n",
                scenario.name().toLowerCase(java.util.Locale.ROOT), rate, time.toSeconds(), r.ok(), r.failed());
        return r.ok();
    }

    /** @param p99TargetMillis latency target of a step; {@code <= 0}: none */
    Outcome run(String label, Scenario scenario, List<Double> rates, double p99TargetMillis) throws InterruptedException {
        OpenLoop loop = new OpenLoop(20_000);
        List<Step> steps = new ArrayList<>();
        long answered = 0;
        out.printf("%s, scenario %s, %d devices, body %d bytes, %d s per step after %d s warm-up%s%n", label,
                scenario.name().toLowerCase(java.util.Locale.ROOT), fleet.size(), fleet.bodySize(),
                duration.toSeconds(), warmup.toSeconds(), p99TargetMillis > 0 ? ", p99 target " + p99TargetMillis + " ms" : "");
        out.printf("%10s %10s %9s %9s %9s %9s %7s %8s %9s %9s %9s %12s %7s  %s%n", "offered/s", "ok/s", "p50 ms",
                "p99 ms", "p99.9 ms", "max ms", "failed", "overload", "fail-mode", "RSS MiB", "heap MiB", "GC pauses/ms",
                "KiB/ok", "verdict");
        for (double rate : rates) {
            if (!warmup.isZero()) {
                answered += loop.run(rate, warmup, i -> fleet.send(scenario, i)).ok();
            }
            MemoryWatch watch = new MemoryWatch(memory);
            Counters before = counters.get();
            OpenLoop.Result r;
            try {
                r = loop.run(rate, duration, i -> fleet.send(scenario, i));
            } finally {
                watch.stop();
            }
            answered += r.ok();
            Counters during = counters.get().minus(before);
            boolean sustained = r.failed() == 0 && r.overload() == 0 && during.failModes() <= 0
                    && r.achievedRate() >= 0.95 * r.offeredRate();
            boolean fast = sustained && (p99TargetMillis <= 0 || r.percentileMillis(99) <= p99TargetMillis);
            Step step = new Step(r, during, sustained, fast, watch.peak());
            steps.add(step);
            out.printf("%10.0f %10.0f %9.2f %9.2f %9.2f %9.2f %7d %8d %9s %9s %9s %12s %7s  %s%n", rate,
                    r.achievedRate(), r.percentileMillis(50), r.percentileMillis(99), r.percentileMillis(99.9),
                    r.latency().getMaxValue() / 1e6, r.failed(), r.overload(),
                    during.failModes() < 0 ? "-" : Long.toString(during.failModes()), mib(step.memory().maxRssBytes()),
                    mib(step.memory().maxHeapUsedBytes()),
                    during.gcPauses() < 0 ? "-" : String.format("%d/%.0f", during.gcPauses(), during.gcPauseSeconds() * 1000),
                    during.allocatedBytes() < 0 || r.ok() == 0 ? "-" : String.format("%.0f", during.allocatedBytes() / 1024.0 / r.ok()),
                    !sustained ? "NOT SUSTAINED" : fast ? (p99TargetMillis > 0 ? "meets target" : "sustained")
                            : "misses p99 target");
            if (!sustained && !keepGoing) {
                break;
            }
        }
        return new Outcome(scenario, p99TargetMillis, steps, answered);
    }

    static String mib(long bytes) {
        return bytes < 0 ? "-" : String.format("%.0f", bytes / (double) (1 << 20));
    }

    /** Samples memory once a second during a step and keeps the highest values. */
    private static final class MemoryWatch {
        private final ScheduledExecutorService timer;
        private final AtomicLong rss = new AtomicLong(-1);
        private final AtomicLong heap = new AtomicLong(-1);

        MemoryWatch(Supplier<Memory> memory) {
            if (memory == null) {
                timer = null;
                return;
            }
            timer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "load-memory-watch");
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleAtFixedRate(() -> {
                Memory m = memory.get();
                rss.accumulateAndGet(m.maxRssBytes(), Math::max);
                heap.accumulateAndGet(m.maxHeapUsedBytes(), Math::max);
            }, 1, 1, TimeUnit.SECONDS);
        }

        void stop() throws InterruptedException {
            if (timer != null) {
                timer.shutdown();
                timer.awaitTermination(10, TimeUnit.SECONDS);
            }
        }

        Memory peak() {
            return new Memory(rss.get(), heap.get());
        }
    }
}
