package io.gatehouse.protocol;

/**
 * Which family, message and firmware version a payload is written in. {@code version} is the documented
 * version label ({@code v1.3.0}, {@code V5}); {@code "any"} where the message never changed.
 */
public record Dialect(Family family, MessageKind kind, String version) {
    public static final String ANY_VERSION = "any";

    @Override
    public String toString() {
        return family.label() + " " + kind.label() + " " + version;
    }
}
