package io.gatehouse.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.core.event.DeviceEvent;
import io.gatehouse.core.normalize.EventNormalizer;
import io.gatehouse.core.store.AppendResult;
import io.gatehouse.core.store.Channel;
import io.gatehouse.core.store.EventStore;
import io.gatehouse.core.store.Ingested;
import io.gatehouse.core.store.StoreFullException;
import io.gatehouse.protocol.DeviceMessage;
import io.gatehouse.protocol.MessageKind;
import io.gatehouse.protocol.ProtocolCodec;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.Notes;
import io.gatehouse.protocol.sense.RemoteAuthRequest;
import io.gatehouse.protocol.sense.SenseAlarm;
import io.gatehouse.protocol.sense.SenseDecoder;
import io.gatehouse.protocol.sense.SenseRecognition;
import io.gatehouse.protocol.sophon.SophonEventV5;
import io.gatehouse.protocol.sophon.SophonEventV6;
import io.gatehouse.server.ingest.quarantine.Quarantine;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one way from a device's bytes to a stored event, for every channel: {@link #prepare} decodes (bounded by the
 * configured limits), checks that the message is one this channel carries and that it names the device it came
 * from, and normalizes it with the device's origin; {@link #store} appends it and completes once it is durable.
 * Every refusal is recorded here, once: counted, logged with the device, told to the {@link IngestListener}, and
 * (unless the device only has to retry) copied to the quarantine. Thread-safe; nothing here blocks.
 */
public final class IngestPipeline {
    private final ProtocolCodec codec;
    private final EventNormalizer normalizer;
    private final EventStore store;
    private final Quarantine quarantine;
    private final IngestMetrics metrics;
    private final IngestListener listener;
    private final int maxInFlight;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final RejectionLog log = new RejectionLog();

    public IngestPipeline(IngestSettings settings, EventStore store, Quarantine quarantine, IngestMetrics metrics,
                          IngestListener listener) {
        this.codec = new ProtocolCodec(settings.decodeLimits());
        this.normalizer = new EventNormalizer(settings.decodeLimits());
        this.store = store;
        this.quarantine = quarantine;
        this.metrics = metrics;
        this.listener = listener;
        this.maxInFlight = settings.maxInFlightPerDevice();
    }

    /** A payload decoded, checked and normalized, ready to store. */
    public record Prepared(Source source, Channel channel, DeviceMessage message, DeviceEvent event,
                           String payloadSerial) {
    }

    /** Decodes and normalizes {@code payload}; a refusal is recorded and thrown as {@link Rejection.Refused}. */
    public Prepared prepare(Source source, Channel channel, byte[] payload) {
        try {
            JsonNode tree = codec.parse(payload);
            DeviceMessage message = read(channel, tree);
            String payloadSerial = payloadSerial(message);
            if (source.serial() != null && payloadSerial != null && !source.serial().equals(payloadSerial)) {
                throw Rejection.malformed(serialField(message, tree), "this address belongs to device '"
                        + source.deviceId() + "' (serial " + source.serial() + "); the payload names serial "
                        + abbreviate(payloadSerial)).asException();
            }
            DeviceEvent event = normalizer.normalize(message, tree, source.origin());
            return new Prepared(source, channel, message, event, payloadSerial);
        } catch (DecodeException e) {
            throw refuse(source, channel, Rejection.malformed(e.path(), e.reason()), payload);
        } catch (Rejection.Refused e) {
            throw refuse(source, channel, e.rejection(), payload);
        } catch (RuntimeException e) {
            // a reader bug must cost this payload only, and say so
            throw refuse(source, channel, Rejection.malformed("", "unreadable payload (" + e.getClass().getSimpleName()
                    + ")"), payload);
        }
    }

    /**
     * Appends a prepared event; completes on {@code context} once it is durable, or fails with
     * {@link Rejection.Refused} (503: the device keeps the record and retries).
     */
    public Future<Ingestion> store(Prepared prepared, Instant receivedAt, Context context) {
        Source source = prepared.source();
        AtomicInteger slots = inFlight.computeIfAbsent(source.deviceId(), id -> new AtomicInteger());
        if (slots.incrementAndGet() > maxInFlight) {
            slots.decrementAndGet();
            return Future.failedFuture(refuse(source, prepared.channel(), Rejection.overloaded(maxInFlight), null));
        }
        long started = System.nanoTime();
        Ingested ingested = new Ingested(prepared.event(), source.deviceId(), prepared.channel(), receivedAt);
        Future<AppendResult> appended;
        try {
            appended = Future.fromCompletionStage(store.append(ingested), context);
        } catch (RuntimeException e) {
            appended = Future.failedFuture(e);
        }
        return appended.transform(done -> {
            slots.decrementAndGet();
            if (done.failed()) {
                return Future.failedFuture(refuse(source, prepared.channel(), storeRejection(done.cause()), null));
            }
            metrics.stored(prepared.channel(), System.nanoTime() - started);
            Ingestion ingestion = new Ingestion(source, prepared.channel(), prepared.message(), prepared.event(),
                    done.result());
            listener.stored(ingestion, prepared.payloadSerial());
            return Future.succeededFuture(ingestion);
        });
    }

    /** Prepare and store in one step, for channels whose answer waits for nothing else. */
    public Future<Ingestion> ingest(Source source, Channel channel, byte[] payload, Instant receivedAt,
                                    Context context) {
        Prepared prepared;
        try {
            prepared = prepare(source, channel, payload);
        } catch (Rejection.Refused e) {
            return Future.failedFuture(e);
        }
        return store(prepared, receivedAt, context);
    }

    /**
     * Records a refusal made before the pipeline saw the payload (a body over the size limit) or by it: counted,
     * logged, told to the listener, and quarantined with {@code payload} (which may be {@code null}).
     */
    public Rejection.Refused refuse(Source source, Channel channel, Rejection rejection, byte[] payload) {
        metrics.rejected(source.deviceId(), channel, rejection);
        log.log(source, channel, rejection);
        listener.rejected(source, channel, rejection);
        if (!rejection.retryable()) {
            quarantine.keep(source, channel, rejection, payload);
        }
        return rejection.asException();
    }

    /** The message a channel carries; the channel tells the kind where the documents do. */
    private DeviceMessage read(Channel channel, JsonNode tree) throws DecodeException {
        if (channel == Channel.REMOTE_AUTH) {
            return SenseDecoder.read(MessageKind.REMOTE_AUTH_REQUEST, FieldReader.root(tree, new Notes()));
        }
        DeviceMessage message = codec.decode(tree).message();
        if (!carries(channel, message)) {
            throw Rejection.wrongMessage("expected " + expected(channel) + ", got a " + message.dialect().kind()
                    .description() + " (" + message.dialect() + ")").asException();
        }
        return message;
    }

    static boolean carries(Channel channel, DeviceMessage message) {
        return switch (channel) {
            case RECORD_PUSH, TERMINAL_WEBSOCKET, HISTORY -> message instanceof SenseRecognition
                    || message instanceof SenseAlarm;
            case SOPHON_WEBSOCKET -> message instanceof SophonEventV5 || message instanceof SophonEventV6;
            case REMOTE_AUTH -> message instanceof RemoteAuthRequest;
        };
    }

    private static String expected(Channel channel) {
        return switch (channel) {
            case RECORD_PUSH, TERMINAL_WEBSOCKET, HISTORY -> "a terminal event {type: 0 or 1, data: {...}}";
            case SOPHON_WEBSOCKET -> "an SE-box recognition event";
            case REMOTE_AUTH -> "a remote-authorization request";
        };
    }

    /** The serial the payload itself names, where the dialect has one. */
    static String payloadSerial(DeviceMessage message) {
        String serial = null;
        if (message instanceof SenseRecognition r) {
            serial = r.deviceSn();
        } else if (message instanceof RemoteAuthRequest q) {
            serial = q.deviceSn();
        }
        return serial == null || serial.isBlank() ? null : serial;
    }

    private static String serialField(DeviceMessage message, JsonNode tree) {
        return message instanceof SenseRecognition && tree.has("data") ? "data.deviceSN" : "deviceSN";
    }

    private static Rejection storeRejection(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        return cause instanceof StoreFullException ? Rejection.storeFull()
                : Rejection.storeFailed(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
    }

    private static String abbreviate(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "..." : text;
    }
}
