package io.gatehouse.simulator.terminal;

import io.gatehouse.protocol.sense.SenseEvent;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The records waiting to be pushed, oldest first. Records queued while the receiver answers are "fresh": they
 * are simply next in line. Once a push fails, every waiting record counts as cached, and so does every record
 * queued until the receiver answers again. Bounded like the terminal's own cache (50,000 documented): when
 * full, the oldest is dropped to make room and the caller counts it. Fresh records are always the tail.
 */
final class OfflineCache {
    /** One record on its way to the receiver. */
    static final class Pending {
        final SenseEvent event;
        /** not cached: sent while the person stands at the door, so the answer's tip and pass still matter */
        boolean cached;

        Pending(SenseEvent event) {
            this.event = event;
        }
    }

    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final int capacity;
    private int fresh;

    OfflineCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("cache capacity must be positive");
        }
        this.capacity = capacity;
    }

    /** Appends {@code pending}; returns the entry dropped to make room, or {@code null}. */
    Pending add(Pending pending) {
        Pending dropped = queue.size() >= capacity ? queue.pollFirst() : null;
        if (dropped != null && !dropped.cached) {
            fresh--;
        }
        queue.addLast(pending);
        if (!pending.cached) {
            fresh++;
        }
        return dropped;
    }

    /** Marks every fresh record cached; returns how many there were. */
    int cacheAll() {
        int marked = 0;
        for (Iterator<Pending> it = queue.descendingIterator(); it.hasNext() && marked < fresh; ) {
            Pending pending = it.next();
            if (!pending.cached) {
                pending.cached = true;
                marked++;
            }
        }
        fresh = 0;
        return marked;
    }

    Pending head() {
        return queue.peekFirst();
    }

    /** Removes {@code pending} if it is still the head (a full cache may have dropped it meanwhile). */
    void removeHead(Pending pending) {
        if (queue.peekFirst() == pending) {
            queue.pollFirst();
            if (!pending.cached) {
                fresh--;
            }
        }
    }

    int size() {
        return queue.size();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Records held because a push failed. */
    int cachedSize() {
        return queue.size() - fresh;
    }
}
