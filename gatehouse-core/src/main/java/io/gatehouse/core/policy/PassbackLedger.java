package io.gatehouse.core.policy;

import io.gatehouse.core.policy.directory.Door;
import io.gatehouse.core.policy.directory.PassbackPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which side of each anti-passback pair every person was last let through, in memory. A person seen for the
 * first time (or after the pair's reset time, or after a restart of the hub) may pass either way: the ledger
 * only refuses what it knows to be a second passage in the same direction. Passages are confirmed when the
 * final decision allows, so a pass the delegate or the fail-mode refused never counts.
 *
 * <p>Between the local verdict and the final answer (the delegate's reply, the decision's commit) a decision
 * holds a {@link Claim} on its passage. Without it two requests of one face in the same direction, decided at
 * the same moment on two threads, would both find the ledger clear and both open their doors. A claim counts as
 * the person's latest passage until it is confirmed or released.
 */
public final class PassbackLedger {
    private record Passage(boolean entered, Instant at) {
        /** This passage, unless {@code other} happened after it. */
        Passage laterOf(Passage other) {
            return other == null || !other.at.isAfter(at) ? this : other;
        }
    }

    /**
     * A decision's hold on its passage from the local verdict until the final answer: made empty, filled by
     * {@link #claim} when the ledger lets the person through, then {@link #confirm confirmed} or
     * {@link #release released}.
     */
    public static final class Claim {
        /** One passage per pair the door belongs to, by ledger key; empty until claimed. */
        private volatile Map<String, Passage> passages = Map.of();

        /** Whether the ledger holds a passage for this claim: claimed, and neither confirmed nor released yet. */
        public boolean held() {
            return !passages.isEmpty();
        }
    }

    /** One pair and person: the last confirmed passage, then the claims not yet answered, oldest first. */
    private record Entry(Passage confirmed, List<Claim> claims) {
        Passage latest(String key) {
            // null when the claim was answered since this entry was read (the policy reads without the lock)
            Passage claimed = claims.isEmpty() ? null : claims.get(claims.size() - 1).passages.get(key);
            return claimed == null ? confirmed : claimed.laterOf(confirmed);
        }

        Entry adding(Claim claim) {
            List<Claim> more = new ArrayList<>(claims);
            more.add(claim);
            return new Entry(confirmed, List.copyOf(more));
        }

        /** Without {@code claim}, confirming {@code passage}; {@code null} (forgotten) when nothing is left. */
        Entry without(Claim claim, Passage passage) {
            List<Claim> rest = claims.stream().filter(c -> c != claim).toList();
            return passage == null && rest.isEmpty() ? null : new Entry(passage, rest);
        }
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /** The pair that refuses {@code personId} at {@code door} now, or {@code null}. */
    PassbackPair violated(Iterable<PassbackPair> pairs, Door door, String personId, Instant now) {
        for (PassbackPair pair : pairs) {
            String key = key(pair, personId);
            Entry entry = entries.get(key);
            Passage latest = entry == null ? null : entry.latest(key);
            if (latest != null && current(pair, latest, now) && latest.entered() == entering(pair, door)) {
                return pair;
            }
        }
        return null;
    }

    /**
     * Checks the pairs at {@code door} and, when none refuses, claims the passage for {@code claim}, in one step.
     *
     * @return the pair that refuses (a passage confirmed or claimed by another decision), or {@code null}
     */
    synchronized PassbackPair claim(Claim claim, List<PassbackPair> pairs, Door door, String personId,
                                    Instant now) {
        PassbackPair refusing = violated(pairs, door, personId, now);
        if (refusing != null || pairs.isEmpty()) {
            return refusing;
        }
        Map<String, Passage> passages = new LinkedHashMap<>();
        pairs.forEach(pair -> passages.put(key(pair, personId), new Passage(entering(pair, door), now)));
        claim.passages = Collections.unmodifiableMap(passages);
        passages.keySet().forEach(key -> entries.compute(key, (k, entry) -> entry == null
                ? new Entry(null, List.of(claim)) : entry.adding(claim)));
        return null;
    }

    /** The final answer let the person through: the claimed passage is the person's last. */
    public synchronized void confirm(Claim claim) {
        claim.passages.forEach((key, passage) -> entries.computeIfPresent(key, (k, entry) ->
                entry.claims.contains(claim) ? entry.without(claim, passage.laterOf(entry.confirmed)) : entry));
        claim.passages = Map.of();
    }

    /** The final answer refused (or the fail-mode answered): the claim never happened. Repeating it does nothing. */
    public synchronized void release(Claim claim) {
        claim.passages.keySet().forEach(key -> entries.computeIfPresent(key, (k, entry) ->
                entry.without(claim, entry.confirmed)));
        claim.passages = Map.of();
    }

    /** Notes that {@code personId} was let through {@code door} at {@code at} without a claim (a delegate overrode). */
    public synchronized void passed(Iterable<PassbackPair> pairs, Door door, String personId, Instant at) {
        for (PassbackPair pair : pairs) {
            entries.compute(key(pair, personId), (k, entry) -> entry == null
                    ? new Entry(new Passage(entering(pair, door), at), List.of())
                    : new Entry(new Passage(entering(pair, door), at).laterOf(entry.confirmed), entry.claims));
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
