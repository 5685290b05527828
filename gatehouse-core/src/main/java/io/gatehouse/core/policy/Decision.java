package io.gatehouse.core.policy;

import io.gatehouse.protocol.sense.RemoteAuthAnswer;
import io.gatehouse.protocol.sense.VerifyCode;
import java.time.Instant;
import java.util.List;

/**
 * One answered authorization request, explained: what was asked, which step and rule decided, the answer the
 * terminal got, whether the fail-mode answered instead of the policy, and how long it took from receipt to
 * answer. Every request gets exactly one decision, and the decision log keeps it.
 *
 * @param id           unique, chosen by the hub
 * @param doorId       the directory's door; {@code null} when the device is not a known door
 * @param ruleId       the rule (or anti-passback pair) that decided; {@code null} when no rule did
 * @param detail       one sentence for the operator; for a fail-mode answer, why no decision was made in time
 * @param notes        disagreements between directory and request, delegate trouble, and similar remarks
 * @param personId     the person as answered ({@code user_id}); {@code null} when the request named nobody
 * @param verifyCode   the documented code the answer carries, or {@code null} where none applies
 * @param tip          the screen text, already fitted to the screen
 * @param decidedAt    the hub's clock when the decision was made (the time schedules were read at)
 * @param elapsedNanos from the hub's receipt of the request to the decision
 */
public record Decision(String id, DecisionInput input, String doorId, Reason reason, String ruleId, String detail,
                       List<String> notes, String personId, String personName, VerifyCode verifyCode, String tip,
                       Instant decidedAt, long elapsedNanos) {
    public Decision {
        notes = List.copyOf(notes);
    }

    public boolean pass() {
        return reason.pass();
    }

    public Step step() {
        return reason.step();
    }

    /** True when no decision was made in time and the door's fail-mode answered. */
    public boolean failMode() {
        return reason.failMode();
    }

    /** The answer in the terminal's documented shape. */
    public RemoteAuthAnswer toAnswer() {
        return RemoteAuthAnswer.of(pass(), tip, personId, personName, verifyCode);
    }
}
