package io.gatehouse.core.policy;

import io.gatehouse.core.event.AccessEvent;
import io.gatehouse.core.event.PersonType;
import io.gatehouse.core.policy.directory.AccessRule;
import io.gatehouse.core.policy.directory.Directory;
import io.gatehouse.core.policy.directory.Door;
import io.gatehouse.core.policy.directory.DoorSettings;
import io.gatehouse.core.policy.directory.PassbackPair;
import io.gatehouse.protocol.sense.MaskState;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The local decision: may this person pass this door now? Plain Java, no I/O, no clock of its own: the same
 * request, directory, ledger and instant always give the same verdict. The steps run in the order of
 * {@link Step}; the first that refuses decides, and the verdict names it with the rule behind it.
 */
public final class AccessPolicy {
    /** A step: {@code null} to go on, a verdict to stop. */
    private interface Check {
        Verdict apply(Judgement j);
    }

    /** One decision's inputs, resolved once and read by every step. */
    private record Judgement(AccessEvent request, Directory directory, Door door, DoorSettings settings,
                             Identity who, RuleMatch rules, Instant now, PassbackLedger ledger) {
        Verdict refuse(Reason reason, String ruleId, String detail) {
            return new Verdict(reason, ruleId, detail, door, who, settings);
        }
    }

    private static final List<Check> STEPS = List.of(
            AccessPolicy::blacklist,
            AccessPolicy::validity,
            AccessPolicy::schedule,
            AccessPolicy::rule,
            AccessPolicy::score,
            AccessPolicy::temperature,
            AccessPolicy::mask,
            AccessPolicy::passback);

    public Verdict decide(AccessEvent request, Directory directory, PassbackLedger ledger, Instant now) {
        Identity who = Identity.resolve(request.person(), directory);
        Door door = directory.doorOf(request.source().deviceSerial(), request.source().cameraId());
        if (door == null) {
            return new Verdict(Reason.UNKNOWN_DOOR, null, "device " + request.source().deviceSerial()
                    + (request.source().cameraId() == null ? "" : " camera " + request.source().cameraId())
                    + " is not a door in the directory", null, who, DoorSettings.DEFAULTS);
        }
        LocalDateTime local = LocalDateTime.ofInstant(now, directory.zoneOf(door));
        Judgement j = new Judgement(request, directory, door, directory.settingsOf(door), who,
                who.known() ? RuleMatch.of(directory, door, who, local) : null, now, ledger);
        for (Check step : STEPS) {
            Verdict refused = step.apply(j);
            if (refused != null) {
                return refused;
            }
        }
        return new Verdict(Reason.ALLOWED, j.rules().openAllow().id(), "allowed by rule " + j.rules().openAllow().id(),
                door, who, j.settings());
    }

    /**
     * Decides as {@link #decide(AccessEvent, Directory, PassbackLedger, Instant)} does and, when the verdict allows,
     * claims the passage through the door's anti-passback pairs for {@code claim} in the same step as the ledger is
     * checked again: of two decisions of one person at one moment, only one passes.
     */
    public Verdict decide(AccessEvent request, Directory directory, PassbackLedger ledger, Instant now,
                          PassbackLedger.Claim claim) {
        Verdict verdict = decide(request, directory, ledger, now);
        if (verdict.reason() != Reason.ALLOWED) {
            return verdict;
        }
        PassbackPair refusing = ledger.claim(claim, directory.pairsAt(verdict.door()), verdict.door(),
                verdict.identity().personId(), now);
        return refusing == null ? verdict
                : refusedByPassback(refusing, verdict.door(), verdict.identity(), verdict.settings());
    }

    private static Verdict blacklist(Judgement j) {
        return j.who().blacklisted()
                ? j.refuse(Reason.BLACKLISTED, null, "blacklisted by the " + j.who().blacklistedBy()) : null;
    }

    private static Verdict validity(Judgement j) {
        if (j.who().window() == null || j.who().window().contains(j.now())) {
            return null;
        }
        boolean early = j.who().window().from() != null && j.now().isBefore(j.who().window().from());
        return j.refuse(Reason.OUTSIDE_VALIDITY, null, early
                ? "valid from " + j.who().window().from() + ", not yet"
                : "valid until " + j.who().window().until() + ", no longer");
    }

    private static Verdict schedule(Judgement j) {
        RuleMatch rules = j.rules();
        if (rules == null || rules.allows().isEmpty() || rules.openAllow() != null) {
            return null;
        }
        AccessRule first = rules.allows().get(0);
        return j.refuse(Reason.OUTSIDE_SCHEDULE, first.id(), "rule " + first.id() + " applies only in schedule "
                + first.scheduleId() + (rules.allows().size() > 1 ? " (and " + (rules.allows().size() - 1)
                + " more rules, all closed now)" : ""));
    }

    private static Verdict rule(Judgement j) {
        if (!j.who().known()) {
            return j.refuse(Reason.UNKNOWN_PERSON, null, j.who().personId() == null
                    ? "the request names no person" : "person " + j.who().personId() + " is not in the directory");
        }
        if (j.rules().openDeny() != null) {
            return j.refuse(Reason.DENIED_BY_RULE, j.rules().openDeny().id(), "denied by rule " + j.rules().openDeny().id());
        }
        if (j.rules().allows().isEmpty()) {
            return j.refuse(Reason.NO_RULE, null, "no rule allows " + j.who().personId() + " at door " + j.door().id());
        }
        return null;
    }

    private static Verdict score(Judgement j) {
        PersonType asked = j.request().person().type();
        if (asked == PersonType.NON_LIVE || asked == PersonType.STRANGER) {
            return j.refuse(Reason.LOW_SCORE, null, "the terminal reports a " + asked.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                    + " face");
        }
        Double min = j.settings().minScore();
        Double score = j.request().scores().recognition();
        if (min == null || (score != null && score >= min)) {
            return null;
        }
        return j.refuse(Reason.LOW_SCORE, null, score == null ? "no recognition score sent, the door needs " + min
                : "recognition score " + score + " is below " + min);
    }

    private static Verdict temperature(Judgement j) {
        Double max = j.settings().maxTemperature();
        Double measured = j.request().bodyTemperature();
        if (max == null || measured == null || measured <= max) {
            return null;
        }
        return j.refuse(Reason.HIGH_TEMPERATURE, null, "body temperature " + measured + " °C is above " + max + " °C");
    }

    private static Verdict mask(Judgement j) {
        if (!Boolean.TRUE.equals(j.settings().maskRequired()) || j.request().mask() == MaskState.MASK) {
            return null;
        }
        return j.refuse(Reason.MASK_ABSENT, null, j.request().mask() == MaskState.NO_MASK
                ? "the door requires a mask and none was detected"
                : "the door requires a mask and the terminal did not check (mask detection off)");
    }

    private static Verdict passback(Judgement j) {
        PassbackPair pair = j.ledger().violated(j.directory().pairsAt(j.door()), j.door(), j.who().personId(), j.now());
        return pair == null ? null : refusedByPassback(pair, j.door(), j.who(), j.settings());
    }

    private static Verdict refusedByPassback(PassbackPair pair, Door door, Identity who, DoorSettings settings) {
        return new Verdict(Reason.PASSBACK, pair.id(), "already passed " + (pair.entryDoorId().equals(door.id())
                ? "in" : "out") + " through pair " + pair.id() + " without passing the other way", door, who, settings);
    }
}
