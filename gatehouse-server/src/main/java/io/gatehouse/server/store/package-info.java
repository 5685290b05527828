/**
 * The embedded event store: SQLite rows for events and alarms (one table, one sequence) and for their images (once
 * per SHA-256, committed in the same transaction as the events that show them, their bytes appended to segment files
 * and synced just before), one writer thread committing in groups, reader threads for queries, and background
 * retention. {@link io.gatehouse.server.store.EventStorage} opens it all and hands out the core ports:
 * {@link io.gatehouse.core.store.EventStore} to append, {@link io.gatehouse.core.store.EventReader} to read and follow.
 */
package io.gatehouse.server.store;
