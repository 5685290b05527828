/**
 * The devices API under {@code /api/devices}: register, change, remove and list devices with their live status and
 * receiver addresses, read a device's audit log. Behind the admin token like all of {@code /api}.
 */
package io.gatehouse.server.device.api;
