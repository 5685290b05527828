package io.gatehouse.server.forward;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/**
 * {@code gatehouse_forward_delivered_total} and {@code gatehouse_forward_failures_total} per target, and
 * {@code gatehouse_forward_lag}: how many sequence numbers the target's cursor is behind the newest stored event
 * (an upper bound on the events waiting for it, since its filter may skip some).
 */
final class ForwardMetrics {
    private final MeterRegistry registry;

    ForwardMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void delivered(String target) {
        Counter.builder("gatehouse_forward_delivered").description("Events a forwarding target acknowledged")
                .tag("target", target).register(registry).increment();
    }

    void failed(String target) {
        Counter.builder("gatehouse_forward_failures").description("Failed deliveries to a forwarding target")
                .tag("target", target).register(registry).increment();
    }

    /** Registers the lag gauge of {@code target}; closing the result removes it. */
    AutoCloseable lag(String target, Supplier<Number> lag) {
        Gauge gauge = Gauge.builder("gatehouse_forward_lag", lag).strongReference(true)
                .description("Sequence numbers between a forwarding target's cursor and the newest stored event")
                .tag("target", target).register(registry);
        return () -> registry.remove(gauge);
    }
}
