package io.gatehouse.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One decoded message of any family. Each family narrows this to its own sealed interface
 * ({@link io.gatehouse.protocol.sense.SenseMessage}, {@link io.gatehouse.protocol.sophon.SophonMessage}).
 */
public interface DeviceMessage {
    /** The family, message and version this message is written in. */
    Dialect dialect();

    /** The message in exactly the documented shape of its version. */
    ObjectNode toJson();
}
