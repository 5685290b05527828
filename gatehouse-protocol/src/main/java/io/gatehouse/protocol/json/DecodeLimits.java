package io.gatehouse.protocol.json;

/**
 * Bounds the decoder enforces before and while parsing, so that one hostile payload costs a bounded
 * amount of memory and time. The defaults fit the largest documented payloads (an SE-box event with a
 * registered photo, a face crop and a scene picture; a history page of 200 records) with room to spare.
 * {@code docs/PROTOCOLS.md} lists them for integrators.
 *
 * @param maxDocumentBytes largest accepted payload, checked before parsing
 * @param maxStringChars   longest accepted JSON string (an image in base64 is the longest legitimate one)
 * @param maxDepth         deepest accepted nesting of objects and arrays
 * @param maxImageBytes    largest accepted image after base64 decoding
 * @param maxTokens        most JSON tokens (names, values, brackets) in one payload: without it, 8 MB of
 *                         {@code [0,0,0,...]} would become millions of tree nodes, some 100 MB of heap
 */
public record DecodeLimits(int maxDocumentBytes, int maxStringChars, int maxDepth, int maxImageBytes, int maxTokens) {
    public static final int DEFAULT_MAX_TOKENS = 100_000;
    public static final DecodeLimits DEFAULT = new DecodeLimits(8 << 20, 6 << 20, 32, 4 << 20, DEFAULT_MAX_TOKENS);

    public DecodeLimits {
        if (maxDocumentBytes <= 0 || maxStringChars <= 0 || maxDepth <= 0 || maxImageBytes <= 0 || maxTokens <= 0) {
            throw new IllegalArgumentException("decode limits must be positive");
        }
    }

    /** Limits with the default token bound. */
    public DecodeLimits(int maxDocumentBytes, int maxStringChars, int maxDepth, int maxImageBytes) {
        this(maxDocumentBytes, maxStringChars, maxDepth, maxImageBytes, DEFAULT_MAX_TOKENS);
    }
}
