/**
 * Forwarding: the hub hands every stored event that matches a target's filter to another system (an ERP, a time and
 * attendance service, a building-automation bridge) as a signed HTTP POST or an MQTT publication, in store order, at
 * least once. Each target follows the store by sequence number the way the live stream does, keeps a durable cursor
 * of what the target acknowledged, and retries with back-off while the target is down, so a target that is away for
 * a day receives the day's events when it returns and never blocks ingestion or the other targets.
 */
package io.gatehouse.server.forward;
