/**
 * Remote authorization in the hub (issue #5): {@link io.gatehouse.server.access.AccessControl} wires the
 * directory, the authorizer, the decision log, the optional delegate and the {@code /api/access} admin API.
 */
package io.gatehouse.server.access;
