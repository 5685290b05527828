package io.gatehouse.server.forward;

import io.gatehouse.core.store.StoredEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;

/**
 * Where one target's events go. The forwarder hands it one event at a time and sends the next only once the future
 * succeeded, which means the target acknowledged (a 2xx answer, an MQTT PUBACK); a failed future is retried.
 */
sealed interface Sink permits WebhookSink, MqttSink {

    Future<Void> deliver(StoredEvent event, byte[] body);

    void close();

    static Sink of(Vertx vertx, WebClient webhooks, ForwardTarget target, ForwardSettings settings) {
        return target.mqtt() ? new MqttSink(vertx, target, settings) : new WebhookSink(webhooks, target, settings);
    }
}
