package io.gatehouse.core.policy.directory;

/** A field of an entry that names another entry: {@code siteId} names a {@link Site}. */
public record Reference(String field, Class<? extends DirectoryEntry> kind, String id) {
}
