package io.gatehouse.protocol;

import io.gatehouse.protocol.json.DecodeException;
import java.util.Base64;

/**
 * An image as devices send it inside JSON: raw base64 (the terminal's {@code rgb_image}, the V5 box's
 * {@code reg_pic}) or a {@code data:image/jpeg;base64,...} URI (the V6 box). A blank string means "no image",
 * which terminals send when snapshots are switched off.
 *
 * @param mediaType the type sniffed from the bytes (the data URI's claim is not trusted)
 * @param bytes     the decoded image
 */
public record WireImage(String mediaType, byte[] bytes) {

    /**
     * Decodes {@code value} found at {@code path}; {@code null} for an absent or blank value.
     *
     * @throws DecodeException for invalid base64, a malformed data URI or an image above {@code maxBytes}
     */
    public static WireImage decode(String path, String value, int maxBytes) throws DecodeException {
        if (value == null || value.isBlank()) {
            return null;
        }
        String base64 = value;
        if (value.regionMatches(true, 0, "data:", 0, 5)) {
            int comma = value.indexOf(',');
            if (comma < 0 || !value.substring(0, comma).toLowerCase(java.util.Locale.ROOT).endsWith(";base64")) {
                throw new DecodeException(path, "expected a data URI of the form data:<type>;base64,<data>");
            }
            base64 = value.substring(comma + 1);
        }
        long estimated = (long) base64.length() * 3 / 4;
        if (estimated > maxBytes) {
            throw new DecodeException(path, "image of about " + estimated + " bytes exceeds the limit of " + maxBytes + " bytes");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            // MIME-style line breaks are rare: strip white space only when plain decoding fails (a profile of
            // the 30 KB push showed the up-front scan at 18% of decode+normalize)
            String clean = stripWhitespace(base64);
            if (clean == base64) {
                throw new DecodeException(path, "expected base64 image data: " + e.getMessage());
            }
            try {
                bytes = Base64.getDecoder().decode(clean);
            } catch (IllegalArgumentException again) {
                throw new DecodeException(path, "expected base64 image data: " + again.getMessage());
            }
        }
        if (bytes.length == 0) {
            return null;
        }
        return new WireImage(sniff(bytes), bytes);
    }

    /** Raw base64, as terminals and V5 boxes write it. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** A data URI, as V6 boxes write it. */
    public String toDataUri() {
        return "data:" + mediaType + ";base64," + toBase64();
    }

    /** The media type the first bytes announce; {@code application/octet-stream} when none does. */
    public static String sniff(byte[] bytes) {
        if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(bytes, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (startsWith(bytes, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (startsWith(bytes, 'B', 'M')) {
            return "image/bmp";
        }
        if (bytes.length >= 12 && startsWith(bytes, 'R', 'I', 'F', 'F') && bytes[8] == 'W' && bytes[9] == 'E'
                && bytes[10] == 'B' && bytes[11] == 'P') {
            return "image/webp";
        }
        return "application/octet-stream";
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String stripWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                StringBuilder clean = new StringBuilder(text.length());
                for (int j = 0; j < text.length(); j++) {
                    char c = text.charAt(j);
                    if (!Character.isWhitespace(c)) {
                        clean.append(c);
                    }
                }
                return clean.toString();
            }
        }
        return text;
    }
}
