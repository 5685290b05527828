package io.gatehouse.core.policy;

import io.gatehouse.protocol.sense.VerifyCode;

/**
 * Why a decision came out as it did: the step that decided, whether the door opens, and the documented
 * {@code verify_code} the answer carries where one applies (the documents have no code for temperature, mask or
 * anti-passback; the answer then leaves {@code verify_code} out and the tip says why). The name is the key of
 * the tip catalog.
 */
public enum Reason {
    UNKNOWN_DOOR(Step.DOOR, false, VerifyCode.NO_PERMISSION),
    BLACKLISTED(Step.BLACKLIST, false, VerifyCode.NO_PERMISSION),
    OUTSIDE_VALIDITY(Step.VALIDITY_WINDOW, false, VerifyCode.OUTSIDE_ALLOWED_TIME),
    OUTSIDE_SCHEDULE(Step.SCHEDULE, false, VerifyCode.OUTSIDE_ALLOWED_TIME),
    UNKNOWN_PERSON(Step.ACCESS_RULE, false, VerifyCode.NO_PERMISSION),
    NO_RULE(Step.ACCESS_RULE, false, VerifyCode.NO_PERMISSION),
    DENIED_BY_RULE(Step.ACCESS_RULE, false, VerifyCode.NO_PERMISSION),
    LOW_SCORE(Step.RECOGNITION_SCORE, false, VerifyCode.MATCH_FAILED),
    HIGH_TEMPERATURE(Step.BODY_TEMPERATURE, false, null),
    MASK_ABSENT(Step.MASK, false, null),
    PASSBACK(Step.ANTI_PASSBACK, false, null),
    ALLOWED(Step.ALLOW, true, VerifyCode.RECOGNIZED),
    DELEGATE_ALLOWED(Step.DELEGATE, true, VerifyCode.RECOGNIZED),
    DELEGATE_DENIED(Step.DELEGATE, false, VerifyCode.NO_PERMISSION),
    FAIL_OPEN(Step.FAIL_MODE, true, VerifyCode.RECOGNIZED),
    FAIL_SECURE(Step.FAIL_MODE, false, null);

    private final Step step;
    private final boolean pass;
    private final VerifyCode verifyCode;

    Reason(Step step, boolean pass, VerifyCode verifyCode) {
        this.step = step;
        this.pass = pass;
        this.verifyCode = verifyCode;
    }

    public Step step() {
        return step;
    }

    public boolean pass() {
        return pass;
    }

    public VerifyCode verifyCode() {
        return verifyCode;
    }

    public boolean failMode() {
        return step == Step.FAIL_MODE;
    }
}
