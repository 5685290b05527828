package io.gatehouse.server.ingest;

/**
 * Why the hub did not take a payload, in the words a device vendor or an operator can act on: the HTTP status
 * a receiver answers, a stable error code (also the {@code reason} label of the rejection metric), the JSON
 * path of the field at fault ({@code ""} for the payload as a whole) and the reason.
 *
 * @param retryable whether the device should send it again later (the store is full, the device sends too much
 *                  at once): such payloads are not quarantined, nothing is wrong with them
 */
public record Rejection(int status, String error, String field, String reason, boolean retryable) {

    public static Rejection malformed(String field, String reason) {
        return new Rejection(400, "malformed", field, reason, false);
    }

    public static Rejection wrongMessage(String reason) {
        return new Rejection(422, "unexpected_message", "", reason, false);
    }

    public static Rejection tooLarge(long limit) {
        return new Rejection(413, "too_large", "", "the request body exceeds the limit of " + limit + " bytes", false);
    }

    public static Rejection storeFull() {
        return new Rejection(503, "store_full", "", "the hub's store is saturated; keep the record and send it again",
                true);
    }

    public static Rejection storeFailed(String why) {
        return new Rejection(503, "store_failed", "", "the hub could not store the event (" + why
                + "); keep the record and send it again", true);
    }

    public static Rejection overloaded(int limit) {
        return new Rejection(503, "overloaded", "", "this device already has " + limit
                + " requests being stored; send again once they are answered", true);
    }

    /** Thrown through the asynchronous pipeline; carries the rejection without a stack trace. */
    public static final class Refused extends RuntimeException {
        private final Rejection rejection;

        public Refused(Rejection rejection) {
            super(rejection.error() + ": " + rejection.reason(), null, false, false);
            this.rejection = rejection;
        }

        public Rejection rejection() {
            return rejection;
        }
    }

    public Refused asException() {
        return new Refused(this);
    }
}
