package io.gatehouse.core.policy;

/** The steps of the decision, in the order they run. The first step that refuses decides. */
public enum Step {
    /** The request's device must be a door the directory knows. */
    DOOR,
    /** Blacklisted, by the directory or by the terminal. */
    BLACKLIST,
    /** Outside the person's validity window (a visitor before or after the visit). */
    VALIDITY_WINDOW,
    /** The person has allow rules at this door, but none of their schedules is open now. */
    SCHEDULE,
    /** No allow rule for this person at this door, the person is unknown, or a deny rule applies now. */
    ACCESS_RULE,
    /** The terminal's recognition score is below the door's threshold. */
    RECOGNITION_SCORE,
    /** The measured body temperature is above the door's limit. */
    BODY_TEMPERATURE,
    /** The door requires a mask and none was detected. */
    MASK,
    /** The person would pass the same side of an anti-passback pair twice. */
    ANTI_PASSBACK,
    /** Every step passed. */
    ALLOW,
    /** The customer's external service decided. */
    DELEGATE,
    /** No decision in time: the door's fail-mode answered. */
    FAIL_MODE
}
