package io.gatehouse.core.event;

/** Who walked up, across vendors. */
public enum PersonType {
    EMPLOYEE,
    VISITOR,
    BLACKLISTED,
    VIP,
    STRANGER,
    /** A face the liveness check refused (a photo, a screen). */
    NON_LIVE,
    /** The device sent a type the documents do not know, or none. */
    UNKNOWN
}
