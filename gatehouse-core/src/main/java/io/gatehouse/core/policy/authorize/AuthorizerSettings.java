package io.gatehouse.core.policy.authorize;

import io.gatehouse.core.policy.answer.ScreenText;
import io.gatehouse.core.policy.directory.FailMode;
import java.time.Duration;
import java.util.Objects;

/**
 * @param budget                  from the receipt of a request to its answer; the fail-mode answers when it runs out
 * @param unknownDoorFailMode     the fail-mode while the directory is not loaded or does not know the door
 * @param unhealthyAfterTimeouts  this many fail-mode answers in a row make the authorizer report that it cannot decide
 * @param screenLength            the most characters a tip may have
 * @param answer                  whether the answer waits for the decision's record to be committed
 */
public record AuthorizerSettings(Duration budget, FailMode unknownDoorFailMode, int unhealthyAfterTimeouts,
                                 int screenLength, AuthAnswer answer) {
    public static final Duration DEFAULT_BUDGET = Duration.ofMillis(300);

    public static AuthorizerSettings defaults() {
        return new AuthorizerSettings(DEFAULT_BUDGET, FailMode.FAIL_SECURE, 5, ScreenText.DEFAULT_LENGTH);
    }

    /** Durable answers, the default: a door acts only on decisions that are in the audit log. */
    public AuthorizerSettings(Duration budget, FailMode unknownDoorFailMode, int unhealthyAfterTimeouts,
                              int screenLength) {
        this(budget, unknownDoorFailMode, unhealthyAfterTimeouts, screenLength, AuthAnswer.DURABLE);
    }

    public AuthorizerSettings {
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("the budget must be positive");
        }
        if (unhealthyAfterTimeouts < 1 || screenLength < 1) {
            throw new IllegalArgumentException("unhealthyAfterTimeouts and screenLength must be at least 1");
        }
        Objects.requireNonNull(answer, "answer");
    }

    public AuthorizerSettings withBudget(Duration newBudget) {
        return new AuthorizerSettings(newBudget, unknownDoorFailMode, unhealthyAfterTimeouts, screenLength, answer);
    }

    public AuthorizerSettings withAnswer(AuthAnswer newAnswer) {
        return new AuthorizerSettings(budget, unknownDoorFailMode, unhealthyAfterTimeouts, screenLength, newAnswer);
    }
}
