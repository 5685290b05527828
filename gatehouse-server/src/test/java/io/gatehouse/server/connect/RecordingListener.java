package io.gatehouse.server.connect;

import io.gatehouse.core.store.Channel;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The registry's side of a connector, for tests: it remembers every call, and whether each came on an event loop. */
final class RecordingListener implements ConnectorListener {
    record State(String deviceId, DeviceState state, String reason) {
    }

    record Payload(String deviceId, Channel channel, String text) {
    }

    record Pin(String deviceId, String sha256) {
    }

    final List<State> states = new CopyOnWriteArrayList<>();
    final List<Payload> payloads = new CopyOnWriteArrayList<>();
    final List<Pin> pins = new CopyOnWriteArrayList<>();
    final List<DeviceInfo> infos = new CopyOnWriteArrayList<>();
    final AtomicInteger offLoopCalls = new AtomicInteger();

    @Override
    public void onPayload(String deviceId, Channel channel, Buffer payload) {
        checkThread();
        payloads.add(new Payload(deviceId, channel, payload.toString()));
    }

    @Override
    public void onState(String deviceId, DeviceState state, String reason) {
        checkThread();
        states.add(new State(deviceId, state, reason));
    }

    @Override
    public void onCertificatePinned(String deviceId, String sha256) {
        checkThread();
        pins.add(new Pin(deviceId, sha256));
    }

    @Override
    public void onDeviceInfo(String deviceId, DeviceInfo info) {
        checkThread();
        infos.add(info);
    }

    List<Payload> payloads(String deviceId) {
        return payloads.stream().filter(p -> p.deviceId().equals(deviceId)).toList();
    }

    List<State> states(String deviceId) {
        return states.stream().filter(s -> s.deviceId().equals(deviceId)).toList();
    }

    private void checkThread() {
        if (!Context.isOnEventLoopThread()) {
            offLoopCalls.incrementAndGet();
        }
    }
}
