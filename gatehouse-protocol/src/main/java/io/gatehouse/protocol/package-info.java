/**
 * Gatehouse's protocol library: the wire formats of every device family and version, as records that read
 * tolerantly and write exactly the documented shapes. {@link io.gatehouse.protocol.ProtocolCodec} decodes bytes
 * (detecting the dialect with {@link io.gatehouse.protocol.DialectDetector}) and encodes messages. No I/O, no
 * threads: the hub and the emulator both build on it.
 */
package io.gatehouse.protocol;
