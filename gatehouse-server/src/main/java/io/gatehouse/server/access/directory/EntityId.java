package io.gatehouse.server.access.directory;

import java.util.regex.Pattern;

/** What an id may be: letters, digits and {@code . _ : @ + -}, as terminals use for {@code user_id} (digits, UUIDs). */
public final class EntityId {
    public static final String RULE = "an id is 1 to 128 letters, digits or . _ : @ + -";
    private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}._:@+\\-]{1,128}");

    private EntityId() {
    }

    public static boolean valid(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
