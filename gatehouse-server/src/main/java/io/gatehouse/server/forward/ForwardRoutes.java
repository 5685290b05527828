package io.gatehouse.server.forward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.core.store.EventFilter;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.Json;
import io.gatehouse.server.api.ApiRefusal;
import io.gatehouse.server.api.ApiResponses;
import io.gatehouse.server.api.BadParameter;
import io.gatehouse.server.api.EventQuery;
import io.gatehouse.server.device.api.ApiBodies;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code /api/forwarding}: list the targets with their delivery status, add, read, change (including moving the
 * cursor, to skip an event a target refuses or to send again from a point), remove. Strict bodies: an unknown field
 * or filter name is refused, so a typo never forwards more (or less) than meant.
 */
final class ForwardRoutes {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern SECRET = Pattern.compile("[\\x21-\\x7e]{16,200}");
    private static final int MAX_URL = 2048;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> CREATE = Set.of("id", "url", "secret", "filter", "enabled", "start", "topic",
            "username");
    private static final Set<String> CHANGE = Set.of("url", "secret", "filter", "enabled", "cursor", "topic",
            "username");
    private static final Pattern USERNAME = Pattern.compile("[\\x20-\\x7e]{1,100}");

    static ApiRefusal noSuchTarget(String id) {
        return new ApiRefusal(404, "id", "no forwarding target '" + id + "'");
    }

    private final Forwarding forwarding;

    private ForwardRoutes(Forwarding forwarding) {
        this.forwarding = forwarding;
    }

    static void mount(Router router, Forwarding forwarding) {
        ForwardRoutes routes = new ForwardRoutes(forwarding);
        router.get("/api/forwarding").handler(routes::list);
        ApiBodies.withBody(router.post("/api/forwarding")).handler(routes::add);
        router.get("/api/forwarding/:id").handler(routes::one);
        ApiBodies.withBody(router.patch("/api/forwarding/:id")).handler(routes::change);
        router.delete("/api/forwarding/:id").handler(routes::remove);
    }

    private void list(RoutingContext ctx) {
        ObjectNode body = Json.object();
        ArrayNode targets = body.putArray("targets");
        forwarding.all().forEach(f -> targets.add(view(f)));
        ApiResponses.json(ctx, 200, body);
    }

    private void one(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        forwarding.get(id).ifPresentOrElse(f -> ApiResponses.json(ctx, 200, view(f)),
                () -> ApiResponses.refused(ctx, noSuchTarget(id)));
    }

    private void add(RoutingContext ctx) {
        ForwardTarget target;
        boolean generated;
        boolean startAtNewest;
        try {
            FieldReader r = ApiBodies.object(ctx, CREATE);
            String id = r.string("id");
            if (!ID.matcher(id).matches()) {
                throw new DecodeException("id", "expected 1 to 64 letters, digits, '.', '_' or '-', starting with a"
                        + " letter or digit");
            }
            String secret = secret(r);
            generated = secret == null;
            Map<String, String> filter = filter(r);
            String start = r.optString("start");
            if (start != null && !start.equals("now") && !start.equals("oldest")) {
                throw new DecodeException("start", "expected now (events stored from now on) or oldest (every stored"
                        + " event)");
            }
            startAtNewest = !"oldest".equals(start);
            Boolean enabled = r.optBoolean("enabled");
            URI url = url(r.string("url"));
            String topic = r.optString("topic");
            Instant now = Instant.now();
            target = checked(new ForwardTarget(id, url, generated ? newSecret() : secret, filter, compile(filter),
                    enabled == null || enabled, 0, topic == null && isMqtt(url) ? MqttSink.DEFAULT_TOPIC : topic,
                    username(r), now, now));
            if (generated && target.username() != null) {
                throw new DecodeException("secret", "required with username: the broker password");
            }
        } catch (DecodeException e) {
            ApiBodies.badRequest(ctx, e);
            return;
        }
        // an MQTT target authenticates with the broker's password, not a signature: nothing to show
        boolean showSecret = generated && !target.mqtt();
        ApiResponses.when(ctx, forwarding.add(target, startAtNewest), forwarder -> {
            ObjectNode view = view(forwarder);
            if (showSecret) {
                view.put("secret", target.secret()); // shown this once: the hub keeps it encrypted
            }
            ctx.response().putHeader("Location", "/api/forwarding/" + target.id());
            ApiResponses.json(ctx, 201, view);
        });
    }

    private void change(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (forwarding.get(id).isEmpty()) {
            ApiResponses.refused(ctx, noSuchTarget(id));
            return;
        }
        URI url;
        String secret;
        Map<String, String> filter;
        EventFilter compiled;
        Long cursor;
        Boolean enabled;
        String topic;
        String username;
        try {
            FieldReader r = ApiBodies.object(ctx, CHANGE);
            String urlText = r.optString("url");
            url = urlText == null ? null : url(urlText);
            secret = secret(r);
            filter = r.has("filter") ? filter(r) : null;
            compiled = filter == null ? null : compile(filter);
            cursor = r.optLong("cursor");
            if (cursor != null && cursor < 0) {
                throw new DecodeException("cursor", "expected a sequence number, 0 or more");
            }
            enabled = r.optBoolean("enabled");
            topic = r.optString("topic");
            username = username(r);
        } catch (DecodeException e) {
            ApiBodies.badRequest(ctx, e);
            return;
        }
        ApiResponses.when(ctx, forwarding.change(id, t -> {
            URI newUrl = url == null ? t.url() : url;
            boolean toMqtt = isMqtt(newUrl);
            String newTopic = topic != null ? topic : toMqtt ? (t.topic() == null ? MqttSink.DEFAULT_TOPIC : t.topic())
                    : null;
            try {
                return checked(new ForwardTarget(t.id(), newUrl, secret == null ? t.secret() : secret,
                        filter == null ? t.filter() : filter, compiled == null ? t.compiled() : compiled,
                        enabled == null ? t.enabled() : enabled, cursor == null ? t.cursor() : cursor, newTopic,
                        username != null ? username : toMqtt ? t.username() : null, t.createdAt(), Instant.now()));
            } catch (DecodeException e) {
                throw new ApiRefusal(400, e.path(), e.reason());
            }
        }), forwarder -> ApiResponses.json(ctx, 200, view(forwarder)));
    }

    private void remove(RoutingContext ctx) {
        ApiResponses.when(ctx, forwarding.remove(ctx.pathParam("id")), v -> ctx.response().setStatusCode(204).end());
    }

    private static ObjectNode view(TargetForwarder forwarder) {
        ForwardTarget t = forwarder.target();
        ObjectNode node = Json.object();
        node.put("id", t.id());
        node.put("url", t.url().toString());
        ObjectNode filter = node.putObject("filter");
        t.filter().forEach(filter::put);
        node.put("enabled", t.enabled());
        node.put("secretSet", true);
        if (t.mqtt()) {
            node.put("topic", t.topic());
            node.put("username", t.username());
        }
        node.setAll(forwarder.status().json());
        node.put("createdAt", t.createdAt().toString());
        node.put("updatedAt", t.updatedAt().toString());
        return node;
    }

    /** The fields that only make sense for one kind of target, checked once the kind (the URL's scheme) is known. */
    private static ForwardTarget checked(ForwardTarget t) throws DecodeException {
        if (!t.mqtt()) {
            if (t.topic() != null) {
                throw new DecodeException("topic", "only an mqtt:// or mqtts:// target publishes to a topic");
            }
            if (t.username() != null) {
                throw new DecodeException("username", "a webhook signs with the secret; username is for MQTT brokers");
            }
            return t;
        }
        String problem = MqttSink.topicProblem(t.topic());
        if (problem != null) {
            throw new DecodeException("topic", problem);
        }
        return t;
    }

    private static boolean isMqtt(URI url) {
        return url.getScheme().startsWith("mqtt");
    }

    private static String username(FieldReader r) throws DecodeException {
        String username = r.optString("username");
        if (username != null && !USERNAME.matcher(username).matches()) {
            throw new DecodeException("username", "expected 1 to 100 printable ASCII characters");
        }
        return username;
    }

    /** An absolute URL with a host: http or https for a webhook, mqtt or mqtts for a broker. */
    private static URI url(String text) throws DecodeException {
        if (text.length() > MAX_URL) {
            throw new DecodeException("url", "longer than " + MAX_URL + " characters");
        }
        try {
            URI url = new URI(text);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!Set.of("http", "https", "mqtt", "mqtts").contains(scheme)) {
                throw new DecodeException("url", "expected an http:// or https:// URL (webhook) or an mqtt:// or"
                        + " mqtts:// URL (MQTT broker)");
            }
            if (url.getHost() == null || url.getHost().isEmpty()) {
                throw new DecodeException("url", "the URL names no host");
            }
            return scheme.equals(url.getScheme()) ? url : new URI(scheme + text.substring(scheme.length()));
        } catch (URISyntaxException e) {
            throw new DecodeException("url", "not a URL: " + e.getReason());
        }
    }

    private static String secret(FieldReader r) throws DecodeException {
        String secret = r.optString("secret");
        if (secret != null && !SECRET.matcher(secret).matches()) {
            throw new DecodeException("secret", "expected 16 to 200 printable ASCII characters without spaces");
        }
        return secret;
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The filter object: event-query parameter names, each with a string, number or boolean value. */
    private static Map<String, String> filter(FieldReader r) throws DecodeException {
        FieldReader object = r.optObject("filter");
        Map<String, String> filter = new TreeMap<>();
        if (object == null) {
            return filter;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.node().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (!value.isValueNode() || value.isNull()) {
                throw new DecodeException("filter." + field.getKey(), "expected a string, number or boolean");
            }
            filter.put(field.getKey(), value.asText());
        }
        return filter;
    }

    private static EventFilter compile(Map<String, String> filter) throws DecodeException {
        try {
            return EventQuery.filter(filter);
        } catch (BadParameter e) {
            throw new DecodeException("filter." + e.field(), e.reason());
        }
    }
}
