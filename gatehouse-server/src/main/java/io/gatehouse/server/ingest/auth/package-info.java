/**
 * The remote-authorization receiver: where a terminal in {@code auth_mode} 1 asks whether a person may pass, and
 * sends its heartbeat. The access-control engine decides within its budget; the request is stored as an
 * {@code AUTHORIZATION_REQUEST} event beside the decision, and later linked to the passage record.
 */
package io.gatehouse.server.ingest.auth;
