/**
 * Ingestion: how a device's bytes become a stored event. {@link io.gatehouse.server.ingest.IngestPipeline} is the
 * one path every channel takes (record push, remote authorization, the connectors' WebSocket payloads): decode
 * with the protocol library, check the payload belongs to the device it came from, normalize with the device's
 * origin, append to the event store, and report the outcome once the event is durable. Refusals are
 * {@link io.gatehouse.server.ingest.Rejection}s with a status, the field and the reason; each is logged with the
 * device, counted and copied to the quarantine. The HTTP receivers live in the sub-packages.
 */
package io.gatehouse.server.ingest;
