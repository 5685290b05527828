package io.gatehouse.server.device;

/** What an operator says about a device: where it is and how the hub should use it. */
public sealed interface DeviceSpec permits TerminalSpec, SeBoxSpec {
    DeviceKind kind();

    /** Its address on the site network: a host name or an IP address. */
    String host();
}
