package io.gatehouse.core.policy.authorize;

/**
 * When the door gets its answer relative to the decision log.
 *
 * <ul>
 *   <li>{@link #DURABLE}: only once the decision's record is committed, so every answer a door acted on is in the
 *       audit log even if the hub crashes right after. Costs the commit's latency (shared by concurrent requests,
 *       one commit per batch). When the commit does not finish within the budget, the door's fail-mode answers
 *       instead, and that decision is recorded with the reason.</li>
 *   <li>{@link #FAST}: as soon as the decision is made; the record follows within milliseconds, and a crash in
 *       between loses the records still queued.</li>
 * </ul>
 */
public enum AuthAnswer {
    DURABLE,
    FAST
}
