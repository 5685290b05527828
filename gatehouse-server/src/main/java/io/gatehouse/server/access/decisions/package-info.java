/**
 * The decision log: every answered authorization request in {@code access_decision}, a table in a database file of
 * its own ({@code decisions.db}, {@link io.gatehouse.server.db.Database#decisionLog()}) so that a durable answer's
 * commit never queues behind the event store's; written in batches by one thread, and read back with filters by
 * {@code GET /api/access/decisions}.
 */
package io.gatehouse.server.access.decisions;
