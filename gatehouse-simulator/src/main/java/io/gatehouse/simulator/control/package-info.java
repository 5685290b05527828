/**
 * The control API of a running site: a small JSON-over-HTTP API on loopback to list devices and counters,
 * trigger recognitions and alarms, take a device's network down or slow it, and make it send a malformed
 * message. The endpoints are documented in docs/SIMULATOR.md.
 */
package io.gatehouse.simulator.control;
