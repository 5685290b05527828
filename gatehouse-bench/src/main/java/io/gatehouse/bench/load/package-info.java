/**
 * Whole-system load: emulated terminals on their own loopback addresses send realistic record pushes and
 * remote-authorization requests to a hub at a constant offered rate (open loop, so a slow server cannot hide
 * its latency), stepping the rate up; the same steps against the bare ceiling server give the ratio every
 * figure is reported as. {@link io.gatehouse.bench.load.LoadDriver} is the command ({@code run}, {@code ceiling},
 * and {@code hub}, which starts a hub of its own, sets it up through its API and checks it kept every answered
 * request).
 */
package io.gatehouse.bench.load;
