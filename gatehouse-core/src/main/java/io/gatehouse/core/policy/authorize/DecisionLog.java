package io.gatehouse.core.policy.authorize;

import io.gatehouse.core.policy.Decision;
import java.util.concurrent.CompletionStage;

/**
 * Where every decision is recorded. {@link #append} must not block the caller: it hands the decision over and
 * returns a stage that completes once the decision is durable (committed), or exceptionally when it cannot be.
 * With {@link AuthAnswer#DURABLE} the authorizer answers the door only when that stage completes normally.
 */
public interface DecisionLog {
    CompletionStage<Void> append(Decision decision);
}
