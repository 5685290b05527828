package io.gatehouse.simulator.device;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The counters of one device at one moment, plus two gauges: {@code cacheSize}, the records held in the offline
 * cache because a push failed, and {@code backlog}, every record waiting to be pushed (cached or simply next in
 * line behind the push in flight).
 */
public record CounterSnapshot(long[] values, int cacheSize, int backlog) {
    public CounterSnapshot {
        values = values.clone();
    }

    public long get(Counter counter) {
        return values[counter.ordinal()];
    }

    public long generated() {
        return get(Counter.GENERATED);
    }

    public long delivered() {
        return get(Counter.DELIVERED);
    }

    public long cached() {
        return get(Counter.CACHED);
    }

    public long dropped() {
        return get(Counter.DROPPED);
    }

    public long doorOpened() {
        return get(Counter.DOOR_OPENED);
    }

    public long tipsShown() {
        return get(Counter.TIPS_SHOWN);
    }

    /** Every counter by its label, in declaration order, then {@code cache_size} and {@code backlog}. */
    public Map<String, Long> asMap() {
        Map<String, Long> map = new LinkedHashMap<>();
        for (Counter counter : Counter.values()) {
            map.put(counter.label(), get(counter));
        }
        map.put("cache_size", (long) cacheSize);
        map.put("backlog", (long) backlog);
        return map;
    }

    @Override
    public String toString() {
        return asMap().toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CounterSnapshot s && Arrays.equals(values, s.values)
                && cacheSize == s.cacheSize && backlog == s.backlog;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(values) + cacheSize) + backlog;
    }
}
