/**
 * Answering a terminal in time: the {@link io.gatehouse.core.policy.authorize.RemoteAuthorizer} runs the local
 * policy (or asks the customer's delegate) under a time budget and answers with the door's fail-mode when no
 * decision is ready; the ports it needs — the directory snapshot, the delegate, the decision log — are
 * implemented by the hub.
 */
package io.gatehouse.core.policy.authorize;
