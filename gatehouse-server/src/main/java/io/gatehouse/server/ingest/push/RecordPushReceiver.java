package io.gatehouse.server.ingest.push;

import io.gatehouse.core.store.Channel;
import io.gatehouse.protocol.sense.PushAnswer;
import io.gatehouse.protocol.sense.ResultCode;
import io.gatehouse.protocol.sense.SenseRecognition;
import io.gatehouse.server.ingest.DeviceAnswers;
import io.gatehouse.server.ingest.IngestMetrics;
import io.gatehouse.server.ingest.IngestPipeline;
import io.gatehouse.server.ingest.Ingestion;
import io.gatehouse.server.ingest.ReceiverRoute;
import io.gatehouse.server.ingest.SenderDirectory;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /ingest/push/{token}}: a terminal's record or alarm. The answer {@code {code: 200, message: "success",
 * data: {...}}} tells the terminal the hub kept it, so it is sent only once the event is durably stored (a replay
 * of an event already stored is answered the same way). When the store cannot take it the answer is 503 and the
 * terminal keeps the record in its cache and sends it again; a payload the hub cannot read is a 4xx naming the field.
 *
 * <p>The terminal reads {@code data.pass} and {@code data.customtips} of the answer to a record pushed while the person
 * is still at the door, and opens the door on {@code pass: true}. The hub decided nothing here, so it echoes the
 * record's own {@code pass} (and no tip): the answer never opens a door the terminal kept shut.
 */
public final class RecordPushReceiver {
    public static final String PATH = "/ingest/push/";

    private final IngestPipeline pipeline;

    private RecordPushReceiver(IngestPipeline pipeline) {
        this.pipeline = pipeline;
    }

    public static void mount(Router router, SenderDirectory senders, IngestPipeline pipeline, IngestMetrics metrics,
                             int maxBodyBytes) {
        RecordPushReceiver receiver = new RecordPushReceiver(pipeline);
        ReceiverRoute.mount(router, HttpMethod.POST, PATH + ":token", Channel.RECORD_PUSH, senders::pushSender,
                pipeline, metrics, maxBodyBytes, receiver::handle);
    }

    private void handle(RoutingContext ctx) {
        pipeline.ingest(ReceiverRoute.source(ctx), Channel.RECORD_PUSH, ReceiverRoute.body(ctx),
                        ReceiverRoute.receivedAt(ctx), ctx.vertx().getOrCreateContext())
                .onSuccess(stored -> DeviceAnswers.message(ctx, 200, answer(stored)))
                .onFailure(failure -> DeviceAnswers.failure(ctx, failure));
    }

    /** Success, with the record's own {@code pass}; an alarm's answer has an empty {@code data}. */
    static PushAnswer answer(Ingestion stored) {
        Boolean pass = stored.message() instanceof SenseRecognition r ? r.pass() : null;
        return new PushAnswer(ResultCode.OK.code(), "success", pass, null);
    }
}
