package io.gatehouse.simulator.device;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The counters of one device. A device updates them on its own event loop; tests, the control API and the
 * fleet's measurement read them from any thread, hence atomics.
 */
public final class DeviceCounters {
    private final AtomicLongArray values = new AtomicLongArray(Counter.values().length);

    public void increment(Counter counter) {
        values.incrementAndGet(counter.ordinal());
    }

    public void add(Counter counter, long amount) {
        values.addAndGet(counter.ordinal(), amount);
    }

    public long get(Counter counter) {
        return values.get(counter.ordinal());
    }

    public CounterSnapshot snapshot(int cacheSize, int backlog) {
        long[] copy = new long[values.length()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = values.get(i);
        }
        return new CounterSnapshot(copy, cacheSize, backlog);
    }
}
