package io.gatehouse.protocol.sense;

import io.gatehouse.protocol.DeviceMessage;

/** Every message of the SenseNebula Pass terminal's Web API that Gatehouse reads or writes. */
public sealed interface SenseMessage extends DeviceMessage
        permits SenseEvent, RemoteAuthRequest, RemoteAuthAnswer, PushAnswer, SubscribeConfig, DeviceFunctions,
                RecordsQuery, RecordsPage, LoginRequest, LoginAnswer, DoorCommand, SenseEnvelope {
}
