package io.gatehouse.server.device.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.FieldWriter;
import io.gatehouse.protocol.sense.DoorCommand;
import io.gatehouse.protocol.sense.DoorOpenMode;
import io.gatehouse.server.api.ApiResponses;
import io.gatehouse.server.connect.TerminalConnector;
import io.gatehouse.server.connect.TlsTrust;
import io.gatehouse.server.device.ConnectorFleet;
import io.gatehouse.server.device.Device;
import io.gatehouse.server.device.DeviceAudit;
import io.gatehouse.server.device.DeviceRegistry;
import io.gatehouse.server.device.TerminalSpec;
import io.gatehouse.server.device.TrustPolicy;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * What an operator asks a terminal to do through its connector, each written to the audit log with who asked and
 * how it ended before the answer: {@code POST /api/devices/{id}/door} (remote door control, {@code /v1/device/door}
 * with its documented open modes; issue #5) and {@code POST /api/devices/{id}/certificate} (accept the certificate
 * a terminal now presents, after a {@code CERTIFICATE_CHANGED}).
 */
public final class DeviceActionRoutes {
    static final String DOOR = "door-command";
    static final String CERTIFICATE = "certificate-accepted";
    /** The API's names of the documented {@code open_mode}s. */
    private static final Map<String, DoorOpenMode> MODES = Map.of("open", DoorOpenMode.OPEN_THEN_CLOSE,
            "always-open", DoorOpenMode.ALWAYS_OPEN, "always-closed", DoorOpenMode.ALWAYS_CLOSED);
    private static final Pattern CARD = Pattern.compile("[0-9A-Za-z]{1,32}");

    private final Vertx vertx;
    private final DeviceRegistry registry;
    private final DeviceAudit audit;
    private final ConnectorFleet fleet;

    private DeviceActionRoutes(Vertx vertx, DeviceRegistry registry, DeviceAudit audit, ConnectorFleet fleet) {
        this.vertx = vertx;
        this.registry = registry;
        this.audit = audit;
        this.fleet = fleet;
    }

    /** Mount after the admin-token handler of {@code /api/*}. */
    public static void mount(Router router, Vertx vertx, DeviceRegistry registry, DeviceAudit audit,
                             ConnectorFleet fleet) {
        DeviceActionRoutes routes = new DeviceActionRoutes(vertx, registry, audit, fleet);
        ApiBodies.withBody(router.post("/api/devices/:id/door")).handler(routes::door);
        ApiBodies.withBody(router.post("/api/devices/:id/certificate")).handler(routes::certificate);
    }

    private void door(RoutingContext ctx) {
        String label;
        DoorCommand command;
        String reason;
        try {
            FieldReader r = ApiBodies.object(ctx, Set.of("mode", "cardNumber", "reason"));
            label = r.has("mode") ? r.optString("mode") : "open";
            DoorOpenMode mode = MODES.get(label);
            if (mode == null) {
                throw new DecodeException("mode", "expected open (open, then close after the door's delay),"
                        + " always-open or always-closed");
            }
            String card = r.optString("cardNumber");
            if (card != null && !CARD.matcher(card).matches()) {
                throw new DecodeException("cardNumber", "1 to 32 letters or digits");
            }
            reason = auditText(r, "reason");
            command = new DoorCommand(mode.code(), card);
        } catch (DecodeException e) {
            ApiBodies.badRequest(ctx, e);
            return;
        }
        Device device = terminal(ctx);
        if (device == null) {
            return;
        }
        ObjectNode detail = FieldWriter.object().put("mode", label).put("openMode", command.openMode())
                .put("cardNumber", command.cardNumber()).put("reason", reason).build();
        TerminalConnector connector = fleet.terminal(device.id()).orElse(null);
        if (connector == null) {
            String why = ConnectorFleet.notConnected(device);
            refuse(ctx, device, DOOR, detail, 409, "not_connected", why != null ? why
                    : "the hub has no connection to this terminal (see its state)");
            return;
        }
        connector.client().openDoor(command).onComplete(done -> {
            if (done.failed()) {
                refuse(ctx, device, DOOR, detail, 502, "device_failed", "the terminal did not carry out the command: "
                        + done.cause().getMessage());
                return;
            }
            record(ctx, device, DOOR, detail, "ok", seq -> ApiResponses.json(ctx, 200, FieldWriter.object()
                    .put("deviceId", device.id()).put("mode", label).put("openMode", command.openMode())
                    .put("outcome", "ok").put("auditSeq", seq).build()));
        });
    }

    private void certificate(RoutingContext ctx) {
        String sha256;
        try {
            String given = ApiBodies.object(ctx, Set.of("sha256")).string("sha256");
            try {
                sha256 = TlsTrust.normalize(given);
            } catch (IllegalArgumentException e) {
                throw new DecodeException("sha256", e.getMessage());
            }
        } catch (DecodeException e) {
            ApiBodies.badRequest(ctx, e);
            return;
        }
        Device device = terminal(ctx);
        if (device == null) {
            return;
        }
        TerminalSpec spec = (TerminalSpec) device.spec();
        if (!spec.tls() || spec.trust().mode() != TrustPolicy.Mode.TRUST_ON_FIRST_USE) {
            ApiResponses.error(ctx, 409, "nothing_pinned", "trust", "only a terminal reached over TLS in trust mode"
                    + " tofu has a pinned certificate; this one uses " + (spec.tls() ? "trust mode "
                    + spec.trust().mode().label() : "plain HTTP"));
            return;
        }
        ObjectNode detail = FieldWriter.object().put("sha256", sha256).put("previousSha256", device.pinnedSha256())
                .build();
        ApiBodies.when(ctx, fleet.acceptCertificate(device.id(), sha256), pinned -> record(ctx, pinned, CERTIFICATE,
                detail, "ok", seq -> ApiResponses.json(ctx, 200, FieldWriter.object().put("deviceId", pinned.id())
                        .put("pinnedCertificateSha256", pinned.pinnedSha256())
                        .put("previousSha256", detail.path("previousSha256").asText(null))
                        .put("auditSeq", seq).build())));
    }

    /** The terminal named in the path; answers 404 (no such device) or 409 (an SE box) and returns null otherwise. */
    private Device terminal(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        DeviceRegistry.Entry entry = registry.get(id).orElse(null);
        if (entry == null) {
            ApiResponses.error(ctx, 404, "not_found", "id", "no device '" + id + "' is registered");
            return null;
        }
        if (!(entry.device().spec() instanceof TerminalSpec)) {
            ApiResponses.error(ctx, 409, "not_a_terminal", "id", "device '" + id + "' is an SE box: it has no door"
                    + " and no certificate");
            return null;
        }
        return entry.device();
    }

    private static String auditText(FieldReader r, String name) throws DecodeException {
        String text = r.optString(name);
        if (text != null && (text.length() > 200 || text.chars().anyMatch(Character::isISOControl))) {
            throw new DecodeException(name, "at most 200 characters, without control characters");
        }
        return text;
    }

    /** Audits the refusal, then answers it. */
    private void refuse(RoutingContext ctx, Device device, String action, ObjectNode detail, int status, String error,
                        String reason) {
        record(ctx, device, action, detail, "failed: " + reason, seq -> ApiResponses.error(ctx, status, error, null,
                reason));
    }

    /** Writes the audit entry off the event loop, then answers with its sequence number. */
    private void record(RoutingContext ctx, Device device, String action, ObjectNode detail, String outcome,
                        LongConsumer answer) {
        DeviceAudit.Entry entry = ApiBodies.auditEntry(ctx, device.id(), action, detail, outcome);
        vertx.executeBlocking(() -> audit.record(entry), false).onComplete(done -> {
            if (done.failed()) {
                ApiResponses.failed(ctx, done.cause());
            } else {
                answer.accept(done.result());
            }
        });
    }
}
