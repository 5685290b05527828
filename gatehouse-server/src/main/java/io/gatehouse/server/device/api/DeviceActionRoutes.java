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
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Set;
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

    private final DeviceRegistry registry;
    private final DeviceAudit audit;
    private final ConnectorFleet fleet;

    private DeviceActionRoutes(DeviceRegistry registry, DeviceAudit audit, ConnectorFleet fleet) {
        this.registry = registry;
        this.audit = audit;
        this.fleet = fleet;
    }

    /** Mount after the admin-token handler of {@code /api/*}. */
    public static void mount(Router router, DeviceRegistry registry, DeviceAudit audit, ConnectorFleet fleet) {
        DeviceActionRoutes routes = new DeviceActionRoutes(registry, audit, fleet);
        ApiBodies.withBody(router.post("/api/devices/:id/door")).handler(routes::door);
        ApiBodies.withBody(router.post("/api/devices/:id/certificate")).handler(routes::certificate);
    }

    /** A door request as the API reads it. */
    private record DoorRequest(String mode, DoorCommand command, String reason) {
    }

    private interface BodyReader<T> {
        T read(FieldReader body) throws DecodeException;
    }

    private void door(RoutingContext ctx) {
        DoorRequest request = body(ctx, Set.of("mode", "cardNumber", "reason"), DeviceActionRoutes::doorRequest);
        Device device = request == null ? null : terminal(ctx);
        if (device == null) {
            return;
        }
        DoorCommand command = request.command();
        ObjectNode detail = FieldWriter.object().put("mode", request.mode()).put("openMode", command.openMode())
                .put("cardNumber", command.cardNumber()).put("reason", request.reason()).build();
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
            ApiBodies.audited(ctx, audit, device.id(), DOOR, detail, "ok", seq -> ApiResponses.json(ctx, 200,
                    FieldWriter.object().put("deviceId", device.id()).put("mode", request.mode())
                            .put("openMode", command.openMode()).put("outcome", "ok").put("auditSeq", seq).build()));
        });
    }

    private static DoorRequest doorRequest(FieldReader r) throws DecodeException {
        String label = r.has("mode") ? r.optString("mode") : "open";
        DoorOpenMode mode = MODES.get(label);
        if (mode == null) {
            throw new DecodeException("mode", "expected open (open, then close after the door's delay), always-open"
                    + " or always-closed");
        }
        String card = r.optString("cardNumber");
        if (card != null && !CARD.matcher(card).matches()) {
            throw new DecodeException("cardNumber", "1 to 32 letters or digits");
        }
        String reason = r.optString("reason");
        if (reason != null && (reason.length() > 200 || reason.chars().anyMatch(Character::isISOControl))) {
            throw new DecodeException("reason", "at most 200 characters, without control characters");
        }
        return new DoorRequest(label, new DoorCommand(mode.code(), card), reason);
    }

    private void certificate(RoutingContext ctx) {
        String sha256 = body(ctx, Set.of("sha256"), DeviceActionRoutes::fingerprint);
        Device device = sha256 == null ? null : terminal(ctx);
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
        ApiBodies.when(ctx, fleet.acceptCertificate(device.id(), sha256), pinned -> ApiBodies.audited(ctx, audit,
                pinned.id(), CERTIFICATE, detail, "ok", seq -> ApiResponses.json(ctx, 200, FieldWriter.object()
                        .put("deviceId", pinned.id()).put("pinnedCertificateSha256", pinned.pinnedSha256())
                        .put("previousSha256", device.pinnedSha256()).put("auditSeq", seq).build())));
    }

    private static String fingerprint(FieldReader r) throws DecodeException {
        try {
            return TlsTrust.normalize(r.string("sha256"));
        } catch (IllegalArgumentException e) {
            throw new DecodeException("sha256", e.getMessage());
        }
    }

    /** The body of only {@code known} fields, read by {@code reader}; answers 400 and returns null when it fails. */
    private static <T> T body(RoutingContext ctx, Set<String> known, BodyReader<T> reader) {
        try {
            return reader.read(ApiBodies.object(ctx, known));
        } catch (DecodeException e) {
            ApiBodies.badRequest(ctx, e);
            return null;
        }
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

    /** Audits the refusal, then answers it. */
    private void refuse(RoutingContext ctx, Device device, String action, ObjectNode detail, int status, String error,
                        String reason) {
        ApiBodies.audited(ctx, audit, device.id(), action, detail, "failed: " + reason,
                seq -> ApiResponses.error(ctx, status, error, null, reason));
    }
}
