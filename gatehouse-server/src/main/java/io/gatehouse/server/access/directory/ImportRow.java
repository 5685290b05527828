package io.gatehouse.server.access.directory;

import io.gatehouse.core.policy.directory.DirectoryEntry;
import io.gatehouse.core.policy.directory.Problem;

/**
 * One row of a bulk import, decoded or not.
 *
 * @param row     the row's number: 1 for the first data row of a CSV file (after the header) or the first element
 *                of a JSON array
 * @param kind    the plural name of the entry's kind ({@code people}), as in the API's paths
 * @param entry   the decoded entry; {@code null} when it did not decode
 * @param problem why it did not decode; {@code null} when it did
 */
public record ImportRow(int row, String kind, DirectoryEntry entry, Problem problem) {
}
