package io.gatehouse.server.device;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret parts of a device's receiver addresses. Devices cannot send credentials, so the address itself is the
 * credential: 128 bits from {@link SecureRandom} each, base64url (22 characters), one for record push and one for
 * remote authorization, so that either can be given to a device without the other.
 */
public record ReceiverTokens(String push, String auth) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public static ReceiverTokens generate() {
        return new ReceiverTokens(token(), token());
    }

    static String token() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    /** Whether {@code text} has the shape of a token (so a lookup of anything else costs nothing). */
    public static boolean wellFormed(String text) {
        return text != null && text.length() == 22 && text.chars().allMatch(c -> Character.isLetterOrDigit(c)
                && c < 128 || c == '-' || c == '_');
    }

    @Override
    public String toString() {
        return "ReceiverTokens[(secret)]";
    }
}
