/**
 * The ports through which the hub keeps and reads events. {@link io.gatehouse.core.store.EventStore#append}
 * is the only way in (durable once it completes, each dedupe key stored once);
 * {@link io.gatehouse.core.store.EventReader} queries, pages by sequence number, serves images and signals
 * each commit for live streams. Implementations live in {@code gatehouse-server}.
 */
package io.gatehouse.core.store;
