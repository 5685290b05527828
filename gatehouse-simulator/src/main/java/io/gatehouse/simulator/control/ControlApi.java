package io.gatehouse.simulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.Json;
import io.gatehouse.simulator.SimulatedSite;
import io.gatehouse.simulator.device.NetworkCondition;
import io.gatehouse.simulator.device.SimulatedDevice;
import io.gatehouse.simulator.roster.Credential;
import io.gatehouse.simulator.roster.Person;
import io.gatehouse.simulator.roster.Roster;
import io.gatehouse.simulator.sophon.SeBox;
import io.gatehouse.simulator.terminal.Terminal;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * A small HTTP API on loopback to drive a running site: list devices and their counters, make someone walk up,
 * raise an alarm, take a device's network down or slow it, make it send a malformed message. Documented in
 * docs/SIMULATOR.md. It answers JSON; errors are {@code {"error": "..."}} with 400, 404 or 409.
 */
public final class ControlApi implements AutoCloseable {
    private final SimulatedSite site;
    private final Roster roster;
    private HttpServer server;

    private ControlApi(SimulatedSite site, Roster roster) {
        this.site = site;
        this.roster = roster;
    }

    /** Listens on {@code host:port} (0: a free port). Keep {@code host} on loopback: the API has no authentication. */
    public static Future<ControlApi> start(SimulatedSite site, String host, int port) {
        ControlApi api = new ControlApi(site, site.config().roster());
        return site.vertx().createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
                .requestHandler(api.router()).listen()
                .map(server -> {
                    api.server = server;
                    return api;
                });
    }

    public int port() {
        return server.actualPort();
    }

    private Router router() {
        Router router = Router.router(site.vertx());
        router.route().handler(BodyHandler.create(false).setBodyLimit(64 * 1024));
        router.get("/devices").handler(ctx -> {
            ArrayNode list = Json.object().arrayNode();
            site.devices().forEach(d -> list.add(DeviceView.device(d)));
            json(ctx, 200, list);
        });
        router.get("/devices/:serial").handler(ctx -> withDevice(ctx, d -> json(ctx, 200, DeviceView.device(d))));
        router.get("/devices/:serial/counters").handler(ctx -> withDevice(ctx, d -> json(ctx, 200, DeviceView.counters(d))));
        router.post("/devices/:serial/recognitions").handler(ctx -> withDevice(ctx, d -> recognize(ctx, d)));
        router.post("/devices/:serial/alarms").handler(ctx -> withDevice(ctx, d -> alarm(ctx, d)));
        router.put("/devices/:serial/network").handler(ctx -> withDevice(ctx, d -> network(ctx, d)));
        router.post("/devices/:serial/malformed").handler(ctx -> withDevice(ctx, d -> malformed(ctx, d)));
        router.get("/counters").handler(ctx -> json(ctx, 200, totals()));
        router.get("/roster").handler(ctx -> json(ctx, 200, people()));
        router.route().handler(ctx -> error(ctx, 404, "no such endpoint: " + ctx.request().method() + " " + ctx.request().path()));
        router.route().failureHandler(ctx -> error(ctx, ctx.statusCode() == 413 ? 413 : 500,
                ctx.statusCode() == 413 ? "body too large" : "internal error: " + ctx.failure()));
        return router;
    }

    private void withDevice(RoutingContext ctx, Consumer<SimulatedDevice> action) {
        String serial = ctx.pathParam("serial");
        site.device(serial).ifPresentOrElse(action, () -> error(ctx, 404, "no device " + serial));
    }

    private void recognize(RoutingContext ctx, SimulatedDevice device) {
        JsonNode body = body(ctx);
        if (body == null) {
            return;
        }
        String person = body.hasNonNull("person") ? body.get("person").asText() : randomPerson();
        if (device instanceof Terminal terminal) {
            Credential credential = null;
            if (body.hasNonNull("credential")) {
                credential = Credential.fromLabel(body.get("credential").asText());
                if (credential == null) {
                    error(ctx, 400, "credential must be face, card, qr_code, pin, id_card or face_and_pin");
                    return;
                }
            }
            reply(ctx, terminal.recognize(person, credential).map(DeviceView::passage));
        } else if (device instanceof SeBox box) {
            String camera = body.hasNonNull("camera") ? body.get("camera").asText() : null;
            reply(ctx, box.recognize(person, camera).map(DeviceView::sighting));
        }
    }

    private String randomPerson() {
        Person person = roster.pick(ThreadLocalRandom.current());
        return person == null ? Roster.STRANGER : person.id();
    }

    private void alarm(RoutingContext ctx, SimulatedDevice device) {
        JsonNode body = body(ctx);
        if (body == null) {
            return;
        }
        if (!(device instanceof Terminal terminal)) {
            error(ctx, 409, "only terminals raise alarms");
            return;
        }
        if (!body.path("code").canConvertToInt() || !body.path("code").isNumber()) {
            error(ctx, 400, "code is required: 10001 tamper, 10002 forced door, 10003 door-sensor timeout, "
                    + "10004 password attack, 20003 fire");
            return;
        }
        int status = body.path("status").asInt(1);
        reply(ctx, terminal.raiseAlarm(body.get("code").asInt(), status, body.path("description").asText("alarm"))
                .map(alarm -> (JsonNode) alarm.dataJson()));
    }

    private void network(RoutingContext ctx, SimulatedDevice device) {
        JsonNode body = body(ctx);
        if (body == null) {
            return;
        }
        String state = body.path("state").asText();
        long delay = body.path("delay_ms").asLong(0);
        NetworkCondition condition = switch (state) {
            case "up" -> NetworkCondition.UP;
            case "down" -> NetworkCondition.offline();
            case "slow" -> delay > 0 && delay <= 600_000 ? NetworkCondition.slow(delay) : null;
            default -> null;
        };
        if (condition == null) {
            error(ctx, 400, "state must be up, down, or slow with delay_ms 1..600000");
            return;
        }
        reply(ctx, device.setNetwork(condition).map(v -> (JsonNode) DeviceView.device(device)));
    }

    private void malformed(RoutingContext ctx, SimulatedDevice device) {
        JsonNode body = body(ctx);
        if (body == null) {
            return;
        }
        String channel = body.path("channel").asText(device instanceof Terminal ? "push" : "websocket");
        reply(ctx, device.sendMalformed(channel).map(v -> (JsonNode) DeviceView.counters(device)));
    }

    private ObjectNode totals() {
        Map<String, Long> sums = new TreeMap<>();
        for (SimulatedDevice device : site.devices()) {
            device.counters().asMap().forEach((name, value) -> sums.merge(name, value, Long::sum));
        }
        ObjectNode node = Json.object();
        node.put("devices", site.devices().size());
        sums.forEach(node::put);
        return node;
    }

    private ArrayNode people() {
        ArrayNode list = Json.object().arrayNode();
        for (Person p : roster.people()) {
            ObjectNode node = list.addObject().put("id", p.id()).put("name", p.name()).put("type", p.type().label())
                    .put("credential", p.credential().label());
            if (p.visitFrom() != null) {
                node.put("visit_from", p.visitFrom().toString()).put("visit_until", p.visitUntil().toString());
            }
        }
        return list;
    }

    /** The request body as JSON ({@code {}} when empty), or {@code null} after answering 400. */
    private static JsonNode body(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            return Json.object();
        }
        try {
            JsonNode node = Json.standard().parse(body.getBytes());
            if (!node.isObject()) {
                error(ctx, 400, "expected a JSON object");
                return null;
            }
            return node;
        } catch (DecodeException e) {
            error(ctx, 400, e.getMessage());
            return null;
        }
    }

    private static void reply(RoutingContext ctx, Future<? extends JsonNode> result) {
        result.onSuccess(node -> json(ctx, 200, node)).onFailure(e -> error(ctx,
                e instanceof IllegalArgumentException ? 400 : 409, String.valueOf(e.getMessage())));
    }

    private static void json(RoutingContext ctx, int status, JsonNode node) {
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
                .end(Buffer.buffer(Json.standard().write(node)));
    }

    private static void error(RoutingContext ctx, int status, String message) {
        json(ctx, status, Json.object().put("error", message));
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
