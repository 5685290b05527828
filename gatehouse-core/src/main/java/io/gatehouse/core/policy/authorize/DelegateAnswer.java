package io.gatehouse.core.policy.authorize;

import io.gatehouse.protocol.sense.VerifyCode;

/**
 * What the customer's service decided.
 *
 * @param tip        the screen text; {@code null} to use the tip catalog
 * @param verifyCode the code to send; {@code null} for the default of the outcome
 * @param reason     the service's explanation, kept in the decision
 */
public record DelegateAnswer(boolean pass, String tip, VerifyCode verifyCode, String reason) {
}
