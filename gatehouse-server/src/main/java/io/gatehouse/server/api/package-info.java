/**
 * The REST API and live stream for integrators, under {@code /api} (behind the admin token): stored events and
 * alarms with filters and cursor paging, one event with its forensic payload, images by hash with caching headers,
 * Server-Sent Events of committed events with {@code Last-Event-ID} resume; and the OpenAPI document assembled from
 * every feature's fragment under {@code openapi/} on the classpath. Handlers parse strictly (400 naming the field),
 * query on the store's reader threads, and answer on the event loop.
 */
package io.gatehouse.server.api;
