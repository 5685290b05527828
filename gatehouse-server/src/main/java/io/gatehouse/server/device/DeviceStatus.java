package io.gatehouse.server.device;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.core.store.Channel;
import io.gatehouse.protocol.json.FieldWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The live supervision of one device: its state and why, when it was last heard from and last delivered an event,
 * its last error, what it said about itself, and counters. Fed by the receivers (every payload and heartbeat) and by
 * the device's connector (its connection state); read by the API and the metrics. Thread-safe, never blocks.
 *
 * <p>States: a connector reports {@code CONNECTING}, {@code ONLINE}, {@code DEGRADED}, {@code OFFLINE},
 * {@code UNAUTHORIZED} or {@code CERTIFICATE_CHANGED}. A device without a connector is {@code WAITING} until the hub
 * hears from it and {@code ONLINE} from then on.
 */
public final class DeviceStatus {
    public static final List<String> STATES = List.of("WAITING", "CONNECTING", "ONLINE", "DEGRADED", "OFFLINE",
            "UNAUTHORIZED", "CERTIFICATE_CHANGED");

    /** What a device said about itself (its connector learned it). */
    public record Learned(String serial, String model, String firmware, List<String> cameraIds) {
    }

    private record State(String name, String reason, Instant since) {
    }

    private record Problem(Instant at, String message) {
    }

    private volatile State connector;
    private volatile State passive = new State("WAITING", "nothing received from the device yet", Instant.now());
    private volatile Instant lastHeardAt;
    private volatile Instant lastEventAt;
    private volatile Channel lastEventChannel;
    private volatile Problem lastError;
    private volatile Learned learned;
    private final LongAdder stored = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder late = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder heartbeats = new LongAdder();

    public String state() {
        return current().name();
    }

    /** The connector's state while it runs, else the receivers'; read once, as the registry's thread may clear it. */
    private State current() {
        State c = connector;
        return c != null ? c : passive;
    }

    /** The connector's report (its states win over what the receivers infer). */
    public void connectorState(String state, String reason) {
        State current = connector;
        if (current == null || !current.name().equals(state) || !current.reason().equals(reason)) {
            connector = new State(state, reason == null ? "" : reason,
                    current != null && current.name().equals(state) ? current.since() : Instant.now());
        }
    }

    /** The connector stopped (device removed or changed): the receivers' view applies again. */
    public void connectorStopped() {
        connector = null;
    }

    void heard(Instant at) {
        lastHeardAt = at;
        if (!"ONLINE".equals(passive.name())) {
            passive = new State("ONLINE", "the device reached the hub's receivers", at);
        }
    }

    void heartbeat(Instant at) {
        heartbeats.increment();
        heard(at);
    }

    void stored(Instant at, Channel channel, boolean duplicate, boolean wasLate) {
        heard(at);
        lastEventAt = at;
        lastEventChannel = channel;
        (duplicate ? duplicates : stored).increment();
        if (wasLate && !duplicate) {
            late.increment();
        }
    }

    void rejected(Instant at, String message) {
        rejected.increment();
        error(at, message);
    }

    public void error(Instant at, String message) {
        lastError = new Problem(at, message);
    }

    public void learned(Learned info) {
        learned = info;
    }

    public Learned learned() {
        return learned;
    }

    public Instant lastHeardAt() {
        return lastHeardAt;
    }

    public long storedCount() {
        return stored.sum();
    }

    /** The fields the device's API view shows: state, times, last error, what it said of itself, counters. */
    public ObjectNode json() {
        State s = current();
        Problem error = lastError;
        Learned info = learned;
        return FieldWriter.object()
                .put("state", FieldWriter.object().put("state", s.name()).put("reason", s.reason())
                        .put("since", s.since().toString()))
                .put("lastHeardAt", text(lastHeardAt))
                .put("lastEventAt", text(lastEventAt))
                .put("lastEventChannel", lastEventChannel == null ? null : lastEventChannel.name())
                .put("lastError", error == null ? null
                        : FieldWriter.object().put("at", error.at().toString()).put("message", error.message()))
                .put("info", info == null ? null : FieldWriter.object().put("serial", info.serial())
                        .put("model", info.model()).put("firmware", info.firmware())
                        .putStrings("cameras", info.cameraIds()))
                .put("counters", FieldWriter.object()
                        .put("stored", stored.sum()).put("duplicates", duplicates.sum()).put("late", late.sum())
                        .put("rejected", rejected.sum()).put("heartbeats", heartbeats.sum()))
                .build();
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
