/**
 * The ports through which the hub keeps events: {@link io.gatehouse.core.store.EventStore} and the records
 * that cross it. Implementations live in {@code gatehouse-server}.
 */
package io.gatehouse.core.store;
