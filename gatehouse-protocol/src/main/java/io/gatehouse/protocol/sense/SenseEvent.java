package io.gatehouse.protocol.sense;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.json.FieldWriter;

/**
 * An event as the terminal pushes it to {@code event_dest} and streams it on {@code /v1/event}:
 * {@code {"type": N, "data": {...}}}. Type 0 is a recognition record, type 1 an alarm (v1.3.0+).
 */
public sealed interface SenseEvent extends SenseMessage permits SenseRecognition, SenseAlarm, SenseUnknownEvent {
    int TYPE_RECOGNITION = 0;
    int TYPE_ALARM = 1;

    /** The {@code type} of the wrapper. */
    int type();

    /** The {@code data} object alone, as history queries list it. */
    ObjectNode dataJson();

    @Override
    default ObjectNode toJson() {
        return FieldWriter.object().put("type", type()).put("data", dataJson()).build();
    }
}
