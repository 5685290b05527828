/**
 * The record-push receiver: where a terminal POSTs each record and alarm ({@code event_dest}), live and from its
 * offline cache, and learns from the answer whether the hub kept it.
 */
package io.gatehouse.server.ingest.push;
