package io.gatehouse.server.device.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldWriter;
import io.gatehouse.protocol.json.Json;
import io.gatehouse.server.api.ApiResponses;
import io.gatehouse.server.api.BadParameter;
import io.gatehouse.server.api.QueryParams;
import io.gatehouse.server.device.ConnectorFleet;
import io.gatehouse.server.device.Device;
import io.gatehouse.server.device.DeviceAudit;
import io.gatehouse.server.device.DeviceJson;
import io.gatehouse.server.device.DeviceKind;
import io.gatehouse.server.device.DeviceRegistry;
import io.gatehouse.server.device.ReceiverUrls;
import io.gatehouse.server.device.TerminalSpec;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code /api/devices}: list (with live status), register, read, change, remove, and each device's audit log.
 * Registry changes are committed before the answer; each is also written to the audit log with who asked.
 */
public final class DeviceRoutes {
    private final Vertx vertx;
    private final DeviceRegistry registry;
    private final DeviceAudit audit;
    private final Supplier<ReceiverUrls> urls;

    private DeviceRoutes(Vertx vertx, DeviceRegistry registry, DeviceAudit audit, Supplier<ReceiverUrls> urls) {
        this.vertx = vertx;
        this.registry = registry;
        this.audit = audit;
        this.urls = urls;
    }

    /** Mount after the admin-token handler of {@code /api/*}. */
    public static DeviceRoutes mount(Router router, Vertx vertx, DeviceRegistry registry, DeviceAudit audit,
                                     Supplier<ReceiverUrls> urls) {
        DeviceRoutes routes = new DeviceRoutes(vertx, registry, audit, urls);
        router.get("/api/devices").handler(routes::list);
        ApiBodies.withBody(router.post("/api/devices")).handler(routes::add);
        router.get("/api/devices/:id").handler(routes::one);
        ApiBodies.withBody(router.patch("/api/devices/:id")).handler(routes::change);
        router.delete("/api/devices/:id").handler(routes::remove);
        router.get("/api/devices/:id/audit").handler(routes::audit);
        return routes;
    }

    private void list(RoutingContext ctx) {
        DeviceKind kind;
        try {
            String label = QueryParams.of(ctx, Set.of("kind")).text("kind");
            kind = label == null ? null : DeviceKind.of(label);
            if (label != null && kind == null) {
                throw new BadParameter("kind", "expected terminal or se-box");
            }
        } catch (BadParameter e) {
            ApiResponses.badParameter(ctx, e);
            return;
        }
        ObjectNode body = Json.object();
        ArrayNode devices = body.putArray("devices");
        for (DeviceRegistry.Entry entry : registry.all()) {
            if (kind == null || entry.device().kind() == kind) {
                devices.add(view(entry));
            }
        }
        ApiResponses.json(ctx, 200, body);
    }

    private void one(RoutingContext ctx) {
        withDevice(ctx, entry -> ApiResponses.json(ctx, 200, view(entry)));
    }

    private void add(RoutingContext ctx) {
        DeviceJson.Described described;
        try {
            described = DeviceJson.create(ApiBodies.json(ctx));
        } catch (DecodeException e) {
            ApiBodies.badRequest(ctx, e);
            return;
        }
        ApiBodies.when(ctx, registry.add(described), device -> audited(ctx, device, "device-added",
                DeviceJson.spec(device.spec()), () -> {
                    ctx.response().putHeader("Location", "/api/devices/" + device.id());
                    answer(ctx, 201, device);
                }));
    }

    private void change(RoutingContext ctx) {
        withDevice(ctx, entry -> {
            DeviceJson.Described described;
            try {
                described = DeviceJson.change(ApiBodies.json(ctx), entry.device());
            } catch (DecodeException e) {
                ApiBodies.badRequest(ctx, e);
                return;
            }
            ApiBodies.when(ctx, registry.change(described), device -> audited(ctx, device, "device-changed",
                    DeviceJson.spec(device.spec()), () -> answer(ctx, 200, device)));
        });
    }

    private void remove(RoutingContext ctx) {
        withDevice(ctx, entry -> ApiBodies.when(ctx, registry.remove(entry.device().id()), device ->
                audited(ctx, device, "device-removed", Json.object(), () -> ctx.response().setStatusCode(204).end())));
    }

    private void audit(RoutingContext ctx) {
        Integer limit;
        try {
            limit = QueryParams.of(ctx, Set.of("limit")).integer("limit", 1, 1000);
        } catch (BadParameter e) {
            ApiResponses.badParameter(ctx, e);
            return;
        }
        String id = ctx.pathParam("id");
        vertx.executeBlocking(() -> audit.list(id, limit == null ? 100 : limit), false).onComplete(done -> {
            if (done.failed()) {
                ApiResponses.failed(ctx, done.cause());
                return;
            }
            ObjectNode body = Json.object();
            body.set("entries", done.result());
            ApiResponses.json(ctx, 200, body);
        });
    }

    /** Audits the change as done by this request's actor, then answers with {@code answer}. */
    private void audited(RoutingContext ctx, Device device, String action, ObjectNode detail, Runnable answer) {
        ApiBodies.audited(ctx, audit, device.id(), action, detail, "ok", seq -> answer.run());
    }

    /** The device as it is now, with its status (its connector may have reported meanwhile). */
    private void answer(RoutingContext ctx, int status, Device device) {
        registry.get(device.id()).ifPresentOrElse(entry -> ApiResponses.json(ctx, status, view(entry)),
                () -> ApiResponses.error(ctx, 404, "not_found", "id", "device '" + device.id() + "' was removed"
                        + " meanwhile"));
    }

    /** Runs {@code then} with the device named in the path, or answers 404. */
    private void withDevice(RoutingContext ctx, Consumer<DeviceRegistry.Entry> then) {
        String id = ctx.pathParam("id");
        registry.get(id).ifPresentOrElse(then,
                () -> ApiResponses.error(ctx, 404, "not_found", "id", "no device '" + id + "' is registered"));
    }

    /** A device as the API shows it: what was registered (no password), its receivers, status and warnings. */
    ObjectNode view(DeviceRegistry.Entry entry) {
        Device d = entry.device();
        ReceiverUrls receivers = urls.get();
        ObjectNode node = FieldWriter.object().put("id", d.id()).put("kind", d.kind().label()).put("name", d.name())
                .put("serial", d.serial()).build();
        node.setAll(DeviceJson.spec(d.spec()));
        if (d.spec() instanceof TerminalSpec) {
            node.set("receivers", FieldWriter.object().put("push", receivers.push(d)).put("auth", receivers.auth(d))
                    .build());
            node.put("pinnedCertificateSha256", d.pinnedSha256());
        }
        node.setAll(entry.status().json());
        ArrayNode warnings = node.putArray("warnings");
        receivers.warnings(d).forEach(warnings::add);
        String passive = ConnectorFleet.notConnected(d);
        if (passive != null) {
            warnings.add(passive);
        }
        node.put("createdAt", d.createdAt().toString());
        node.put("updatedAt", d.updatedAt().toString());
        return node;
    }
}
