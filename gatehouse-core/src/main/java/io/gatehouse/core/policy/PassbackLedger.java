package io.gatehouse.core.policy;

import io.gatehouse.core.policy.directory.Door;
import io.gatehouse.core.policy.directory.PassbackPair;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which side of each anti-passback pair every person was last let through, in memory. A person seen for the
 * first time (or after the pair's reset time, or after a restart of the hub) may pass either way: the ledger
 * only refuses what it knows to be a second passage in the same direction. Entries are written when the
 * final decision allows, so a pass the delegate or the fail-mode refused never counts.
 */
public final class PassbackLedger {
    private record Passage(boolean entered, Instant at) {
    }

    private final ConcurrentHashMap<String, Passage> last = new ConcurrentHashMap<>();

    /** The pair that refuses {@code personId} at {@code door} now, or {@code null}. */
    PassbackPair violated(Iterable<PassbackPair> pairs, Door door, String personId, Instant now) {
        for (PassbackPair pair : pairs) {
            Passage passage = last.get(key(pair, personId));
            if (passage != null && current(pair, passage, now) && passage.entered() == entering(pair, door)) {
                return pair;
            }
        }
        return null;
    }

    /** Notes that {@code personId} was let through {@code door} at {@code at}. */
    public void passed(Iterable<PassbackPair> pairs, Door door, String personId, Instant at) {
        for (PassbackPair pair : pairs) {
            last.put(key(pair, personId), new Passage(entering(pair, door), at));
        }
    }

    private static boolean entering(PassbackPair pair, Door door) {
        return pair.entryDoorId().equals(door.id());
    }

    private static boolean current(PassbackPair pair, Passage passage, Instant now) {
        return pair.resetAfter() == null || now.isBefore(passage.at().plus(pair.resetAfter()));
    }

    private static String key(PassbackPair pair, String personId) {
        return pair.id() + "\u0000" + personId;
    }
}
