package io.gatehouse.core.normalize;

import io.gatehouse.core.event.EventImage;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The documented fallback identity of an event whose dialect has no event id (terminals before v1.2.1, SE
 * boxes without {@code event_id}): the first 16 hex digits of the SHA-256 of the fields that identify one
 * recognition, joined with a separator no field contains unescaped. The same payload pushed and streamed,
 * or replayed from a terminal's cache, gives the same fingerprint.
 */
final class Fingerprint {
    private Fingerprint() {
    }

    static String of(Object... fields) {
        StringBuilder joined = new StringBuilder();
        for (Object field : fields) {
            joined.append(Objects.toString(field, "").replace("\\", "\\\\").replace("|", "\\|")).append('|');
        }
        return "fp-" + EventImage.sha256Hex(joined.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }
}
