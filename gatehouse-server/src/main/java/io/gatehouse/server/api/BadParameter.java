package io.gatehouse.server.api;

/**
 * A request parameter (query, path or header) the API cannot take: answered with 400 and
 * {@code {"error": "bad_request", "field": ..., "reason": ...}}.
 */
public final class BadParameter extends Exception {
    private static final long serialVersionUID = 1L;
    private final String field;

    public BadParameter(String field, String reason) {
        super(reason, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return getMessage();
    }
}
