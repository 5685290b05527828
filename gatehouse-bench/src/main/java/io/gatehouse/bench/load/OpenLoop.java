package io.gatehouse.bench.load;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Sends requests at a constant offered rate, whatever the server does, and measures each latency from the
 * moment the request was <em>due</em>, not from when it was sent. A slow server therefore cannot hide its
 * latency by slowing the client down (coordinated omission): a request that could not even be sent on
 * time is charged the wait.
 */
final class OpenLoop {
    /** Latencies above this are recorded as this; no answer should take a minute. */
    private static final long MAX_TRACKED_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final int maxInFlight;

    /**
     * @param maxInFlight requests outstanding at once before further due requests are counted as overload
     *                    (bounds the client's memory when the server stops answering)
     */
    OpenLoop(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    /** The outcome of one step at one offered rate. */
    record Result(double offeredRate, Duration duration, long sent, long ok, long failed, long overload,
                  Histogram latency) {
        double achievedRate() {
            return ok / (duration.toNanos() / 1e9);
        }

        double percentileMillis(double percentile) {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1e6;
        }
    }

    /**
     * Runs one step: request {@code i} is due at {@code start + i / rate}; {@code send} starts it and returns
     * a stage that completes normally for a good answer and exceptionally otherwise.
     */
    Result run(double rate, Duration duration, LongFunction<CompletionStage<?>> send) throws InterruptedException {
        Recorder recorder = new Recorder(MAX_TRACKED_NANOS, 3);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long overload = 0;
        long total = Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
        double intervalNanos = 1e9 / rate;
        long start = System.nanoTime();
        CountDownLatch done = new CountDownLatch((int) Math.min(Integer.MAX_VALUE, total));

        for (long i = 0; i < total; i++) {
            long due = start + (long) (i * intervalNanos);
            // parkNanos may return early: wait until the request is really due
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            if (inFlight.get() >= maxInFlight) {
                overload++;
                done.countDown();
                continue;
            }
            inFlight.incrementAndGet();
            CompletionStage<?> answer;
            try {
                answer = send.apply(i);
            } catch (RuntimeException e) {
                answer = java.util.concurrent.CompletableFuture.failedFuture(e);
            }
            answer.whenComplete((value, error) -> {
                recorder.recordValue(Math.max(0, Math.min(MAX_TRACKED_NANOS, System.nanoTime() - due)));
                (error == null ? ok : failed).incrementAndGet();
                inFlight.decrementAndGet();
                done.countDown();
            });
        }
        // answers still outstanding get a bounded grace period, then count as failed
        if (!done.await(30, TimeUnit.SECONDS)) {
            failed.addAndGet(done.getCount());
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new Result(rate, elapsed, total - overload, ok.get(), failed.get(), overload,
                recorder.getIntervalHistogram());
    }
}
