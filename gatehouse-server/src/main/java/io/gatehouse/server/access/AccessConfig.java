package io.gatehouse.server.access;

import io.gatehouse.core.policy.answer.ScreenText;
import io.gatehouse.core.policy.authorize.AuthAnswer;
import io.gatehouse.core.policy.authorize.AuthorizerSettings;
import io.gatehouse.core.policy.directory.FailMode;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The settings of remote authorization, with defaults that work without any: a 300 ms budget, fail-secure for
 * unknown doors, no delegate. {@link #fromEnvironment} reads {@code GATEHOUSE_ACCESS_*} variables until the
 * hub's configuration file carries them.
 *
 * @param delegateUrl          the customer's decision service; {@code null} for none
 * @param delegateTimeout      how long one delegate call may take; keep it below the budget so the local policy
 *                             can still answer when it runs out
 * @param delegateMaxFailures  failures in a row that open the delegate's circuit
 * @param delegateResetAfter   how long an open circuit waits before trying the delegate again
 * @param decisionQueue        decisions that may wait for the decision-log writer before new ones are dropped
 * @param answer               whether a door's answer waits for its decision record's commit ({@code ingest.auth-answer})
 */
public record AccessConfig(Duration budget, FailMode unknownDoorFailMode, int screenLength, URI delegateUrl,
                           Duration delegateTimeout, int delegateMaxFailures, Duration delegateResetAfter,
                           int decisionQueue, AuthAnswer answer) {

    public static AccessConfig defaults() {
        return new AccessConfig(AuthorizerSettings.DEFAULT_BUDGET, FailMode.FAIL_SECURE, ScreenText.DEFAULT_LENGTH,
                null, Duration.ofMillis(200), 5, Duration.ofSeconds(30), 50_000, AuthAnswer.DURABLE);
    }

    public AccessConfig withBudget(Duration newBudget) {
        return new AccessConfig(newBudget, unknownDoorFailMode, screenLength, delegateUrl, delegateTimeout,
                delegateMaxFailures, delegateResetAfter, decisionQueue, answer);
    }

    public AccessConfig withDelegate(URI url, Duration timeout, int maxFailures, Duration resetAfter) {
        return new AccessConfig(budget, unknownDoorFailMode, screenLength, url, timeout, maxFailures, resetAfter,
                decisionQueue, answer);
    }

    public AccessConfig withAnswer(AuthAnswer newAnswer) {
        return new AccessConfig(budget, unknownDoorFailMode, screenLength, delegateUrl, delegateTimeout,
                delegateMaxFailures, delegateResetAfter, decisionQueue, newAnswer);
    }

    AuthorizerSettings authorizerSettings() {
        return new AuthorizerSettings(budget, unknownDoorFailMode, 5, screenLength, answer);
    }

    /**
     * {@code GATEHOUSE_ACCESS_BUDGET_MS}, {@code _UNKNOWN_DOOR_FAIL_MODE} ({@code fail-secure}/{@code fail-open}),
     * {@code _TIP_LENGTH}, {@code _DELEGATE_URL}, {@code _DELEGATE_TIMEOUT_MS}, {@code _DELEGATE_MAX_FAILURES},
     * {@code _DELEGATE_RESET_MS}; a malformed value stops the hub with the variable's name.
     */
    public static AccessConfig fromEnvironment(Map<String, String> env) {
        AccessConfig d = defaults();
        String url = env.get("GATEHOUSE_ACCESS_DELEGATE_URL");
        return new AccessConfig(
                Duration.ofMillis(number(env, "GATEHOUSE_ACCESS_BUDGET_MS", d.budget().toMillis(), 1, 60_000)),
                failMode(env, d.unknownDoorFailMode()),
                (int) number(env, "GATEHOUSE_ACCESS_TIP_LENGTH", d.screenLength(), 1, 256),
                url == null || url.isBlank() ? null : delegateUrl(url),
                Duration.ofMillis(number(env, "GATEHOUSE_ACCESS_DELEGATE_TIMEOUT_MS", d.delegateTimeout().toMillis(), 1, 60_000)),
                (int) number(env, "GATEHOUSE_ACCESS_DELEGATE_MAX_FAILURES", d.delegateMaxFailures(), 1, 1000),
                Duration.ofMillis(number(env, "GATEHOUSE_ACCESS_DELEGATE_RESET_MS", d.delegateResetAfter().toMillis(), 1, 3_600_000)),
                d.decisionQueue(), d.answer());
    }

    private static long number(Map<String, String> env, String name, long otherwise, long min, long max) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + ": expected a whole number from " + min + " to " + max);
    }

    private static FailMode failMode(Map<String, String> env, FailMode otherwise) {
        String value = env.get("GATEHOUSE_ACCESS_UNKNOWN_DOOR_FAIL_MODE");
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return FailMode.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("GATEHOUSE_ACCESS_UNKNOWN_DOOR_FAIL_MODE: expected fail-secure or fail-open");
        }
    }

    private static URI delegateUrl(String value) {
        try {
            URI uri = URI.create(value.strip());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("GATEHOUSE_ACCESS_DELEGATE_URL: expected an http:// or https:// URL");
    }
}
