/**
 * The embedded SQLite database: opening it with the hub's settings and migrating its schema with Flyway.
 * Each feature owns its tables and a range of migration versions.
 */
package io.gatehouse.server.db;
