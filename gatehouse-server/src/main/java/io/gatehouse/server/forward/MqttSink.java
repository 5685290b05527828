package io.gatehouse.server.forward;

import io.gatehouse.core.store.StoredEvent;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publishes each event to an MQTT broker with QoS 1 (at least once, as webhooks are) and counts it delivered on the
 * broker's PUBACK. Connects on the first delivery and again after the broker closed the connection; the session is
 * clean, since the hub's cursor, not the broker, remembers what was delivered. MQTT 3.1.1 has no headers, so there is
 * no signature: the broker's own authentication (user and password, TLS with {@code mqtts://}) says who published.
 */
final class MqttSink implements Sink {
    static final int DEFAULT_PORT = 1883;
    static final int DEFAULT_TLS_PORT = 8883;
    static final String DEFAULT_TOPIC = "gatehouse/events/{deviceId}";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    private static final Set<String> PLACEHOLDERS = Set.of("deviceId", "type");

    private final MqttClient client;
    private final ForwardTarget target;
    private Promise<Void> awaiting;

    MqttSink(Vertx vertx, ForwardTarget target, ForwardSettings settings) {
        this.target = target;
        MqttClientOptions options = new MqttClientOptions().setClientId("gatehouse-" + target.id())
                .setCleanSession(true)
                .setKeepAliveInterval(30)
                .setAckTimeout((int) Math.max(1, settings.requestTimeout().toSeconds()));
        options.setConnectTimeout((int) settings.requestTimeout().toMillis());
        if (target.username() != null) {
            options.setUsername(target.username()).setPassword(target.secret());
        }
        if (target.url().getScheme().equals("mqtts")) {
            options.setSsl(true).setHostnameVerificationAlgorithm("HTTPS");
        }
        this.client = MqttClient.create(vertx, options);
        // one publication in flight at a time: any acknowledgement is the one awaited
        client.publishCompletionHandler(packetId -> settle(null));
        client.publishCompletionExpirationHandler(packetId -> settle("the broker sent no PUBACK within "
                + settings.requestTimeout().toSeconds() + " s"));
        client.closeHandler(v -> settle("the broker closed the connection"));
    }

    /** Whether {@code topic} is a valid template: not empty, no wildcards, only known placeholders. */
    static String topicProblem(String topic) {
        if (topic.isEmpty() || topic.length() > 256) {
            return "expected 1 to 256 characters";
        }
        if (topic.contains("+") || topic.contains("#") || topic.indexOf('\0') >= 0) {
            return "a topic to publish to cannot hold the wildcards + and #";
        }
        Matcher m = PLACEHOLDER.matcher(topic);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                return "unknown placeholder {" + m.group(1) + "}; the topic may use {deviceId} and {type}";
            }
        }
        return null;
    }

    /** The topic of {@code event}: the template with {@code {deviceId}} and {@code {type}} (access, alarm) filled in. */
    String topic(StoredEvent event) {
        return target.topic().replace("{deviceId}", event.deviceId() == null ? "unknown" : event.deviceId())
                .replace("{type}", event.type().label());
    }

    @Override
    public Future<Void> deliver(StoredEvent event, byte[] body) {
        Promise<Void> acknowledged = Promise.promise();
        return connected().compose(v -> {
            awaiting = acknowledged;
            client.publish(topic(event), Buffer.buffer(body), MqttQoS.AT_LEAST_ONCE, false, false)
                    .onFailure(e -> settle("cannot publish: " + e.getMessage()));
            return acknowledged.future();
        });
    }

    private Future<Void> connected() {
        if (client.isConnected()) {
            return Future.succeededFuture();
        }
        int port = target.url().getPort() > 0 ? target.url().getPort()
                : target.url().getScheme().equals("mqtts") ? DEFAULT_TLS_PORT : DEFAULT_PORT;
        return client.connect(port, target.url().getHost()).<Void>mapEmpty()
                .recover(e -> Future.failedFuture("cannot connect to the broker: " + e.getMessage()));
    }

    private void settle(String failure) {
        Promise<Void> promise = awaiting;
        awaiting = null;
        if (promise != null) {
            if (failure == null) {
                promise.tryComplete();
            } else {
                promise.tryFail(failure);
            }
        }
    }

    @Override
    public void close() {
        if (client.isConnected()) {
            client.disconnect();
        }
    }
}
