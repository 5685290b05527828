package io.gatehouse.core.policy.authorize;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decision ids: UUIDs of version 7 (RFC 9562), whose first 48 bits are the Unix time in milliseconds and the other
 * 74 free bits random. The decision log keeps a unique index on the id; random (version 4) ids put every new
 * decision in a random leaf of that index, a page to write and, once the log outgrows the page cache, one to read
 * first, in the commit a door waits for. Time-ordered ids land at the index's end. They are names, not secrets:
 * the random part only keeps ids of the same millisecond apart.
 */
final class DecisionIds {
    private DecisionIds() {
    }

    static String next() {
        return next(System.currentTimeMillis()).toString();
    }

    static UUID next(long unixMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (unixMillis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);             // time, version 7, rand_a
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;     // variant 10, rand_b
        return new UUID(high, low);
    }
}
