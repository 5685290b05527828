package io.gatehouse.server.access.directory;

import java.util.List;

/**
 * What a bulk import did: how many rows it applied and, for each row it refused, the row, the field and why.
 * Valid rows are applied even when others are refused; a dry run applies nothing and reports the same.
 */
public record ImportReport(int accepted, List<Rejected> rejected, boolean dryRun) {
    public record Rejected(String kind, int row, String field, String reason) {
    }

    public ImportReport {
        rejected = List.copyOf(rejected);
    }
}
