/**
 * The device registry: the terminals and SE boxes a site registered (how to reach them, which channels to use),
 * persisted in the database with passwords encrypted under a key in the data directory, each with its own
 * unguessable receiver addresses; their connectors ({@link io.gatehouse.server.device.ConnectorFleet}: one per
 * device, started, restarted and stopped as the registry changes, their WebSocket messages taken into the ingestion
 * pipeline by a {@link io.gatehouse.server.device.StreamIntake}); and their supervision (state, last event, last
 * error, counters, pinned certificate) as the receivers and the connectors report it.
 * {@link io.gatehouse.server.device.Devices} wires it into the hub with the receivers, the quarantine and the REST
 * API in {@code device.api}.
 */
package io.gatehouse.server.device;
