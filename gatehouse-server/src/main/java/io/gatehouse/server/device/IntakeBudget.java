package io.gatehouse.server.device;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of WebSocket messages that all of the hub's stream intakes together may hold while they wait for the
 * store. Each intake also has its own bound, but a per-device bound times thousands of devices is no bound: when the
 * fleet offers more events than the store commits, the waiting messages grew until the heap ran out (1,500 terminals at
 * 3 events/s filled a 1 GiB heap in under two minutes). Beyond this budget a message is refused as overloaded and
 * counted, like a message beyond its device's own bound. Thread-safe: intakes live on different event loops.
 */
final class IntakeBudget {
    private final long limit;
    private final AtomicLong used = new AtomicLong();

    IntakeBudget(long limitBytes) {
        if (limitBytes < 1) {
            throw new IllegalArgumentException("the intake budget must be positive");
        }
        this.limit = limitBytes;
    }

    /** The default share: an eighth of the maximum heap. */
    static IntakeBudget ofHeap() {
        return new IntakeBudget(Math.max(1, Runtime.getRuntime().maxMemory() / 8));
    }

    /** Takes {@code bytes} for a new message if they fit. */
    boolean tryTake(long bytes) {
        while (true) {
            long now = used.get();
            if (now + bytes > limit) {
                return false;
            }
            if (used.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    /** Takes {@code bytes} whether or not they fit: a message already held goes back in line to be retried. */
    void take(long bytes) {
        used.addAndGet(bytes);
    }

    void give(long bytes) {
        used.addAndGet(-bytes);
    }

    long used() {
        return used.get();
    }

    long limit() {
        return limit;
    }
}
