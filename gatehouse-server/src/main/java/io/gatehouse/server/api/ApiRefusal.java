package io.gatehouse.server.api;

/**
 * A request the API refuses, with its status, the field at fault and the reason. Each status has one error code, the
 * same everywhere in the API ({@link #errorCode}): 400 {@code bad_request} (as for a bad parameter or body), 404
 * {@code not_found}, 409 {@code conflict}, 413 {@code too_large}, 415 {@code unsupported_media_type}, 503
 * {@code unavailable}; any other status is a programming error, so the constructor rejects it.
 */
public final class ApiRefusal extends RuntimeException {
    private final int status;
    private final String field;

    public ApiRefusal(int status, String field, String reason) {
        super(reason, null, false, false);
        if (status != 400 && status != 404 && status != 409 && status != 413 && status != 415 && status != 503) {
            throw new IllegalArgumentException("a refusal is 400, 404, 409, 413, 415 or 503, not " + status);
        }
        this.status = status;
        this.field = field;
    }

    public int status() {
        return status;
    }

    /** The stable code of the answer's {@code error} member. */
    public String error() {
        return errorCode(status);
    }

    /** The {@code error} member of an answer with this status, refusal or not. */
    public static String errorCode(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            case 409 -> "conflict";
            case 413 -> "too_large";
            case 415 -> "unsupported_media_type";
            case 500 -> "internal_error";
            case 503 -> "unavailable";
            default -> "error";
        };
    }

    public String field() {
        return field;
    }

    public String reason() {
        return getMessage();
    }
}
