package io.gatehouse.server.ingest;

import io.gatehouse.core.store.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The receivers' meters: rejections by device, channel and reason ({@code malformed}, {@code too_large},
 * {@code unexpected_message}, {@code store_full}, {@code store_failed}, {@code overloaded}), requests to receiver
 * addresses no device owns, the time from receipt to durable storage by channel, and the time a door waits for
 * its remote-authorization answer. Events stored and duplicates are the store's own meters.
 */
public final class IngestMetrics {
    private final MeterRegistry registry;
    private final Map<Channel, Timer> storeTimes = new EnumMap<>(Channel.class);
    private final Counter unknownReceiver;
    private final Timer authAnswers;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Channel channel : Channel.values()) {
            storeTimes.put(channel, Timer.builder("gatehouse.ingest.store")
                    .description("From a payload's receipt to its durable commit")
                    .tag("channel", channel.name())
                    .publishPercentiles(0.5, 0.99)
                    .register(registry));
        }
        this.unknownReceiver = Counter.builder("gatehouse.ingest.unknown.receiver")
                .description("Requests to a receiver address that no registered device owns")
                .register(registry);
        this.authAnswers = Timer.builder("gatehouse.ingest.auth.answer")
                .description("From a remote-authorization request's receipt to its answer handed to the connection")
                .publishPercentiles(0.5, 0.99, 0.999)
                .register(registry);
    }

    void stored(Channel channel, long nanos) {
        storeTimes.get(channel).record(nanos, TimeUnit.NANOSECONDS);
    }

    void rejected(String deviceId, Channel channel, Rejection rejection) {
        Counter.builder("gatehouse.ingest.rejected")
                .description("Device payloads refused, by device, channel and reason")
                .tag("device", deviceId).tag("channel", channel.name()).tag("reason", rejection.error())
                .register(registry).increment();
    }

    /** A door got its answer {@code nanos} after the request's receipt. */
    public void answered(long nanos) {
        authAnswers.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void unknownReceiver() {
        unknownReceiver.increment();
    }

    public MeterRegistry registry() {
        return registry;
    }
}
