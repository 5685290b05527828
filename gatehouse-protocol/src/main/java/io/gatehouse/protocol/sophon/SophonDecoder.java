package io.gatehouse.protocol.sophon;

import io.gatehouse.protocol.MessageKind;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;

/** Reads an SE-box message once its kind is known; the version is told by the field names. */
public final class SophonDecoder {
    private SophonDecoder() {
    }

    public static SophonMessage read(MessageKind kind, FieldReader r) throws DecodeException {
        return switch (kind) {
            case SOPHON_CONFIG -> SophonConfig.read(r);
            case SOPHON_EVENT -> readEvent(r);
            case SOPHON_DEVICE_LIST -> SophonDeviceList.read(r);
            default -> throw new IllegalArgumentException(kind + " is not an SE-box message");
        };
    }

    public static SophonEvent readEvent(FieldReader r) throws DecodeException {
        return SophonEventV6.isV6(r.node()) ? SophonEventV6.read(r) : SophonEventV5.read(r);
    }

    public static SophonConfig readConfig(FieldReader r) throws DecodeException {
        return SophonConfig.read(r);
    }

    public static SophonDeviceList readDeviceList(FieldReader r) throws DecodeException {
        return SophonDeviceList.read(r);
    }
}
