package io.gatehouse.server.access.directory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.core.policy.directory.DirectoryEntry;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import java.util.List;
import java.util.Set;

/**
 * The JSON shape of one kind of directory entry, as the API speaks it and the database stores it, and its flat
 * CSV form: a column per field, {@code settings.minScore} for nested ones, lists joined with {@code |}.
 */
public interface EntityCodec<T extends DirectoryEntry> {
    Class<T> kind();

    /** Reads and validates one entry; the exception names the field and the reason. */
    T read(FieldReader r) throws DecodeException;

    ObjectNode write(T entry);

    /** The CSV header, in column order; empty when the kind has no flat form (schedules). */
    List<String> csvColumns();

    /** The columns that hold lists. */
    default Set<String> csvListColumns() {
        return Set.of();
    }

    /** Writes any entry of this codec's kind. */
    default ObjectNode writeEntry(DirectoryEntry entry) {
        return write(kind().cast(entry));
    }
}
