package io.gatehouse.protocol.sense;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.Coded;
import io.gatehouse.protocol.Dialect;
import io.gatehouse.protocol.Family;
import io.gatehouse.protocol.MessageKind;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.FieldWriter;

/** Remote door control, {@code POST /v1/device/door}: open then close, always open, always closed. */
public record DoorCommand(int openMode, String cardNumber) implements SenseMessage {

    public DoorOpenMode openModeKnown() {
        return DoorOpenMode.of(openMode);
    }

    @Override
    public Dialect dialect() {
        return new Dialect(Family.SENSE_PASS, MessageKind.DOOR_COMMAND, Dialect.ANY_VERSION);
    }

    static DoorCommand read(FieldReader r) throws DecodeException {
        r.intValue("open_mode");
        return new DoorCommand(Coded.read(r, "open_mode", DoorOpenMode::of), r.optString("card_number"));
    }

    @Override
    public ObjectNode toJson() {
        return FieldWriter.object().put("open_mode", openMode).put("card_number", cardNumber).build();
    }
}
