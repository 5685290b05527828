package io.gatehouse.core.policy.authorize;

import io.gatehouse.core.policy.Decision;
import java.util.concurrent.CompletionStage;

/**
 * Where every decision is recorded. {@link #append} must not block the caller: it hands the decision over and
 * returns a stage that completes once the decision is durable (committed). The authorizer answers the door
 * without waiting for it; a durable variant would answer only when the stage completes.
 */
public interface DecisionLog {
    CompletionStage<Void> append(Decision decision);
}
