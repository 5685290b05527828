/**
 * The access decision: may this person pass this door now? {@link io.gatehouse.core.policy.AccessPolicy} runs the
 * ordered, explainable steps of {@link io.gatehouse.core.policy.Step} over the directory snapshot and a normalized
 * {@code AUTHORIZATION_REQUEST}; {@link io.gatehouse.core.policy.Identity} settles where the directory and the
 * request disagree; {@link io.gatehouse.core.policy.Decision} records inputs, step, rule, answer and time.
 */
package io.gatehouse.core.policy;
