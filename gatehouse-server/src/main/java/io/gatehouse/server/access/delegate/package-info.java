/**
 * The optional external delegate: a customer's HTTP service that decides instead of the local policy, called
 * with a timeout behind a circuit breaker, so that a slow or failing service costs the doors nothing but its
 * own timeout (and nothing at all while the circuit is open).
 */
package io.gatehouse.server.access.delegate;
