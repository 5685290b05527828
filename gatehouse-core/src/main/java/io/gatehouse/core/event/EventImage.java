package io.gatehouse.core.event;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A decoded image of an event. Its SHA-256 names it in the store, which keeps images by content, so the same
 * registered photo sent with a thousand events is stored once.
 *
 * @param wire the very string of the device's payload the image was decoded from (raw base64 or a data URI), or
 *             {@code null}; the store finds the image in the payload by it instead of encoding the bytes again.
 *             Not part of equality.
 */
public record EventImage(ImageKind kind, String mediaType, byte[] bytes, String sha256, String wire) {

    public EventImage(ImageKind kind, String mediaType, byte[] bytes) {
        this(kind, mediaType, bytes, sha256Hex(bytes), null);
    }

    /** An image decoded from {@code wire}, a string of the device's payload. */
    public static EventImage decoded(ImageKind kind, String mediaType, byte[] bytes, String wire) {
        return new EventImage(kind, mediaType, bytes, sha256Hex(bytes), wire);
    }

    public int size() {
        return bytes.length;
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventImage that && kind == that.kind && mediaType.equals(that.mediaType)
                && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + sha256.hashCode();
    }

    @Override
    public String toString() {
        return "EventImage[" + kind + ", " + mediaType + ", " + bytes.length + " bytes, sha256=" + sha256 + "]";
    }
}
