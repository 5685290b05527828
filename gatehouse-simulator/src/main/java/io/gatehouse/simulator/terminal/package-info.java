/**
 * The emulated SenseNebula Pass terminal: its Web API over HTTPS (login and JWT or Basic authentication,
 * record-push subscription, device functions and remote authorization, the {@code /v1/event} WebSocket, history,
 * door, info, ping), and its behaviour at the door: decide locally or ask the server within a deadline, fall back
 * to local authorization when heartbeats go unanswered, open the door, show the tip, and push every record
 * through a bounded offline cache that replays in order. Every payload is a protocol-library record written by
 * that record's per-version writer.
 */
package io.gatehouse.simulator.terminal;
