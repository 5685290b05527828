/**
 * The devices API under {@code /api/devices}: register, change, remove and list devices with their live status and
 * receiver addresses, read a device's audit log, and ask a terminal through its connector to open its door or to be
 * trusted with a changed certificate. Behind the admin token like all of {@code /api}; every change and action is
 * audited with who asked before the answer.
 */
package io.gatehouse.server.device.api;
