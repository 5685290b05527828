package io.gatehouse.server.ingest;

import io.gatehouse.core.store.Channel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each rejection with the device, the field and the reason, at most once per device and reason every ten
 * seconds: a device that sends the same broken record every five seconds (its cache retrying) or floods the hub
 * must not flood the log too. The next line says how many were not logged.
 */
final class RejectionLog {
    private static final Logger LOG = LoggerFactory.getLogger(RejectionLog.class);
    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(10);

    private record Window(AtomicLong next, AtomicLong suppressed) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    void log(Source source, Channel channel, Rejection r) {
        Window window = windows.computeIfAbsent(source.deviceId() + "/" + r.error(),
                key -> new Window(new AtomicLong(System.nanoTime()), new AtomicLong()));
        long now = System.nanoTime();
        long next = window.next().get();
        if (now - next < 0 || !window.next().compareAndSet(next, now + QUIET_NANOS)) {
            window.suppressed().incrementAndGet();
            return;
        }
        long suppressed = window.suppressed().getAndSet(0);
        String more = suppressed == 0 ? "" : " (and " + suppressed + " more like it since the last report)";
        if (r.retryable() && channel == Channel.REMOTE_AUTH) {
            // the door had its answer and the decision log has the request; only the request's own record is lost
            LOG.warn("device {} {}: the request's record was not kept: {}{}", source.deviceId(), channel, r.reason(),
                    more);
        } else if (r.retryable()) {
            LOG.warn("device {} {}: told to retry: {}{}", source.deviceId(), channel, r.reason(), more);
        } else {
            LOG.warn("device {} {} from {}: refused {} {} at '{}': {}{}", source.deviceId(), channel,
                    source.remoteAddress(), r.status(), r.error(), r.field(), r.reason(), more);
        }
    }
}
