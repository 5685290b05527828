package io.gatehouse.server.access;

import io.gatehouse.core.policy.Decision;
import io.gatehouse.core.policy.Reason;
import io.gatehouse.core.policy.authorize.DecisionLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Counts every decision by reason ({@code gatehouse_access_decisions_total{reason, pass, fail_mode}}) and times
 * it ({@code gatehouse_access_decision_seconds}) on its way to the decision log.
 */
final class DecisionMetrics implements DecisionLog {
    private final DecisionLog log;
    private final Map<Reason, Counter> counters = new EnumMap<>(Reason.class);
    private final Timer latency;

    DecisionMetrics(DecisionLog log, MeterRegistry registry) {
        this.log = log;
        for (Reason reason : Reason.values()) {
            counters.put(reason, Counter.builder("gatehouse.access.decisions")
                    .description("remote-authorization decisions, by the reason that decided")
                    .tag("reason", reason.name()).tag("pass", String.valueOf(reason.pass()))
                    .tag("fail_mode", String.valueOf(reason.failMode())).register(registry));
        }
        latency = Timer.builder("gatehouse.access.decision")
                .description("from the receipt of an authorization request to its decision")
                .publishPercentiles(0.5, 0.99, 0.999).register(registry);
    }

    @Override
    public CompletionStage<Void> append(Decision decision) {
        counters.get(decision.reason()).increment();
        latency.record(decision.elapsedNanos(), TimeUnit.NANOSECONDS);
        return log.append(decision);
    }
}
