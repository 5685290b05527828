package io.gatehouse.core.store;

import java.nio.file.Path;

/**
 * An image in the content-addressed blob store.
 *
 * @param file the file holding its bytes; it never changes once written, so it may be served as is
 */
public record StoredImage(String sha256, String mediaType, long size, Path file) {
}
