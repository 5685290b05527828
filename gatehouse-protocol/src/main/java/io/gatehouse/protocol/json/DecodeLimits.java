package io.gatehouse.protocol.json;

/**
 * Bounds the decoder enforces before and while parsing, so that one hostile payload costs a bounded
 * amount of memory and time. The defaults fit the largest documented payload (an SE-box event with a
 * registered photo, a face crop and a scene picture) with room to spare.
 *
 * @param maxDocumentBytes largest accepted payload, checked before parsing
 * @param maxStringChars   longest accepted JSON string (an image in base64 is the longest legitimate one)
 * @param maxDepth         deepest accepted nesting of objects and arrays
 * @param maxImageBytes    largest accepted image after base64 decoding
 */
public record DecodeLimits(int maxDocumentBytes, int maxStringChars, int maxDepth, int maxImageBytes) {
    public static final DecodeLimits DEFAULT = new DecodeLimits(8 << 20, 6 << 20, 32, 4 << 20);

    public DecodeLimits {
        if (maxDocumentBytes <= 0 || maxStringChars <= 0 || maxDepth <= 0 || maxImageBytes <= 0) {
            throw new IllegalArgumentException("decode limits must be positive");
        }
    }
}
