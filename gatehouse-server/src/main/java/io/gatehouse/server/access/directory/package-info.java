/**
 * The directory in the hub's database: the JSON and CSV shapes of each kind of entry, the tables that store
 * them, and the {@link io.gatehouse.server.access.directory.DirectoryEditor} that applies every change — single
 * entries and bulk imports — on one thread and swaps the in-memory snapshot that decisions read.
 */
package io.gatehouse.server.access.directory;
