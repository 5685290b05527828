/**
 * The quarantine: a bounded copy of every payload the receivers refused, with the device, the channel, the
 * status the device was answered, the field and the reason, for an operator to see what a device really sent.
 * Written off the event loop by one thread, capped in entries and bytes (the oldest go first), listed at
 * {@code /api/quarantine}.
 */
package io.gatehouse.server.ingest.quarantine;
