package io.gatehouse.protocol.sophon;

import io.gatehouse.protocol.DeviceMessage;

/** Every message of the Sophon SE box that Gatehouse reads or writes. */
public sealed interface SophonMessage extends DeviceMessage permits SophonConfig, SophonEvent, SophonDeviceList {
}
