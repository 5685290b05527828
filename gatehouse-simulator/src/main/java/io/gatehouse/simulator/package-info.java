/**
 * Gatehouse's device emulator. {@link io.gatehouse.simulator.SimulatedSite} starts a site of emulated SenseNebula
 * Pass terminals and Sophon SE boxes from a {@link io.gatehouse.simulator.SiteConfig}, each on its own loopback
 * address with its documented ports, and exposes each device's address, ports, serial, credentials and counters;
 * tests trigger recognitions with {@code Terminal.recognize} and {@code SeBox.recognize}. The devices speak only
 * through the protocol library's records, so the emulator and the hub share one definition of every message.
 * See docs/SIMULATOR.md.
 */
package io.gatehouse.simulator;
