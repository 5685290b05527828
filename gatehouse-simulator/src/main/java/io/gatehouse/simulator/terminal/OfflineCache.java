package io.gatehouse.simulator.terminal;

import io.gatehouse.protocol.sense.SenseEvent;
import java.util.ArrayDeque;

/**
 * The records waiting to be pushed, oldest first: the one being sent, then those that could not be sent
 * yet. Bounded like the terminal's own cache (50,000 documented); when full, the oldest is dropped to make
 * room and the caller counts it.
 */
final class OfflineCache {
    /** One record on its way to the receiver. */
    static final class Pending {
        final SenseEvent event;
        /** still the first attempt, made while the person stands at the door */
        boolean live = true;
        /** already counted as cached */
        boolean cached;

        Pending(SenseEvent event) {
            this.event = event;
        }
    }

    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final int capacity;

    OfflineCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("cache capacity must be positive");
        }
        this.capacity = capacity;
    }

    /** Appends {@code pending}; returns the entry dropped to make room, or {@code null}. */
    Pending add(Pending pending) {
        Pending dropped = queue.size() >= capacity ? queue.pollFirst() : null;
        queue.addLast(pending);
        return dropped;
    }

    Pending head() {
        return queue.peekFirst();
    }

    /** Removes {@code pending} if it is still the head (a full cache may have dropped it meanwhile). */
    void removeHead(Pending pending) {
        if (queue.peekFirst() == pending) {
            queue.pollFirst();
        }
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Records held because they could not be pushed at once (a live first attempt in flight is not one). */
    int cachedSize() {
        Pending head = queue.peekFirst();
        return head != null && !head.cached ? queue.size() - 1 : queue.size();
    }
}
