package io.gatehouse.protocol.json;

/**
 * A payload that cannot be read, with the JSON path of the offending field and what was expected there,
 * so that an operator can tell a device vendor exactly what is wrong.
 */
public final class DecodeException extends Exception {
    private final String path;
    private final String reason;

    public DecodeException(String path, String reason) {
        super(path.isEmpty() ? reason : path + ": " + reason, null, false, false);
        this.path = path;
        this.reason = reason;
    }

    /** The JSON path of the field, {@code data.user.user_id}; empty for the document itself. */
    public String path() {
        return path;
    }

    /** What was expected and what was found, without the path. */
    public String reason() {
        return reason;
    }
}
