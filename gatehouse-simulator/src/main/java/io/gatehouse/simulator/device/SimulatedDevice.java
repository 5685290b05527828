package io.gatehouse.simulator.device;

import io.vertx.core.Future;
import java.util.Map;

/**
 * What every emulated device offers to tests, {@code gatehouse demo} and the control API, whatever its
 * kind. Each device lives on one Vert.x event loop; these methods may be called from any thread and hop
 * onto it.
 */
public interface SimulatedDevice {
    DeviceKind kind();

    /** The serial (terminal) or box id this device is known by in the control API. */
    String serial();

    /** The documented firmware or document version it speaks ({@code v1.3.0}, {@code V6}). */
    String version();

    /** Its own loopback address. */
    String address();

    /** Its listening ports by role ({@code https}, {@code http}, {@code rest}, {@code websocket}). */
    Map<String, Integer> ports();

    CounterSnapshot counters();

    NetworkCondition network();

    /** Takes the network down, slows it, or brings it back. */
    Future<Void> setNetwork(NetworkCondition condition);

    /** Sends one deliberately malformed message on {@code channel} ({@code push} or {@code websocket}). */
    Future<Void> sendMalformed(String channel);
}
