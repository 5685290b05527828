/**
 * The decision log: every answered authorization request in {@code access_decision}, written in batches by one
 * thread off the answer path, and read back with filters by {@code GET /api/access/decisions}.
 */
package io.gatehouse.server.access.decisions;
