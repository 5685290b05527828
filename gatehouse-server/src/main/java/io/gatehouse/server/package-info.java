/**
 * The hub ({@code gatehouse serve}): its configuration and the {@link io.gatehouse.server.Hub} that wires the
 * feature packages (device receivers, connectors, storage, API, live stream) into one Vert.x HTTP server.
 */
package io.gatehouse.server;
