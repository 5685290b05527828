package io.gatehouse.server.api;

/**
 * A change the API refuses, with its status, the field at fault and the reason. Each status has one error code, the
 * same everywhere in the API: 400 {@code bad_request} (as for a bad parameter or body), 404 {@code not_found},
 * 409 {@code conflict}; any other status is a programming error, so the constructor rejects it.
 */
public final class ApiRefusal extends RuntimeException {
    private final int status;
    private final String field;

    public ApiRefusal(int status, String field, String reason) {
        super(reason, null, false, false);
        if (status != 400 && status != 404 && status != 409) {
            throw new IllegalArgumentException("a refusal is 400, 404 or 409, not " + status);
        }
        this.status = status;
        this.field = field;
    }

    public int status() {
        return status;
    }

    /** The stable code of the answer's {@code error} member. */
    public String error() {
        return switch (status) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            default -> "conflict";
        };
    }

    public String field() {
        return field;
    }

    public String reason() {
        return getMessage();
    }
}
