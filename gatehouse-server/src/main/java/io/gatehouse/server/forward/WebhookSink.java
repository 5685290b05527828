package io.gatehouse.server.forward;

import io.gatehouse.core.store.StoredEvent;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;

/** A signed HTTP POST per event (see {@link Signature}); any 2xx acknowledges. */
final class WebhookSink implements Sink {
    private final WebClient client;
    private final ForwardTarget target;
    private final ForwardSettings settings;

    WebhookSink(WebClient client, ForwardTarget target, ForwardSettings settings) {
        this.client = client;
        this.target = target;
        this.settings = settings;
    }

    @Override
    public Future<Void> deliver(StoredEvent event, byte[] body) {
        long now = Instant.now().getEpochSecond();
        return client.postAbs(target.url().toString())
                .timeout(settings.requestTimeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("X-Gatehouse-Target", target.id())
                .putHeader("X-Gatehouse-Event-Seq", Long.toString(event.seq()))
                .putHeader(Signature.TIMESTAMP, Long.toString(now))
                .putHeader(Signature.HEADER, Signature.sign(target.secret(), now, body))
                .sendBuffer(Buffer.buffer(body))
                .compose(response -> response.statusCode() / 100 == 2 ? Future.<Void>succeededFuture()
                        : Future.failedFuture("the target answered HTTP " + response.statusCode()));
    }

    @Override
    public void close() {
        // the web client is shared by every webhook target
    }
}
