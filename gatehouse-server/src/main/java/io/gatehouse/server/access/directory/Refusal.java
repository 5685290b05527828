package io.gatehouse.server.access.directory;

/**
 * A change the directory refuses, with the HTTP status it maps to (400 invalid, 404 absent, 409 in use or
 * taken) and the field and reason the operator needs to fix it.
 */
public final class Refusal extends RuntimeException {
    private final int status;
    private final String field;
    private final String reason;

    public Refusal(int status, String field, String reason) {
        super(field == null || field.isEmpty() ? reason : field + ": " + reason, null, false, false);
        this.status = status;
        this.field = field;
        this.reason = reason;
    }

    /** The first load of the directory has not finished; writes and reads of the API wait for it. */
    public static Refusal stillLoading() {
        return new Refusal(503, "", "the directory is still loading; try again in a moment");
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
