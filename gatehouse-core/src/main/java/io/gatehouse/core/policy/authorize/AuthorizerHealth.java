package io.gatehouse.core.policy.authorize;

/** Whether the hub can decide now; {@code reason} says why not (or "ok"). */
public record AuthorizerHealth(boolean canDecide, String reason) {
}
