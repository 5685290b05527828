package io.gatehouse.core.store;

/** An image from the store, found by the SHA-256 of its bytes; the bytes of a hash never change. */
public record StoredImage(String sha256, String mediaType, byte[] bytes) {
}
