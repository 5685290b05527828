package io.gatehouse.simulator.terminal;

import io.gatehouse.protocol.MessageKind;
import io.gatehouse.protocol.ProtocolCodec;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldWriter;
import io.gatehouse.protocol.sense.AuthMode;
import io.gatehouse.protocol.sense.DeviceFunctions;
import io.gatehouse.protocol.sense.DoorCommand;
import io.gatehouse.protocol.sense.LoginRequest;
import io.gatehouse.protocol.sense.RecordsQuery;
import io.gatehouse.protocol.sense.ResultCode;
import io.gatehouse.protocol.sense.SenseDecoder;
import io.gatehouse.protocol.sense.SenseMessage;
import io.gatehouse.protocol.sense.SubscribeConfig;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The terminal's Web API, route by route as the documents list it. Every body is read with the protocol
 * library's records, so a body the hub's writer produces is exactly what is accepted here; a body that cannot
 * be read is refused with HTTP 400, code 0 and the field and reason in {@code msg}, and the terminal carries on.
 */
final class TerminalApi {
    /** Bodies above this are refused with HTTP 413 before they are parsed. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private final Terminal terminal;
    private final TerminalAuth auth;

    TerminalApi(Terminal terminal, TerminalAuth auth) {
        this.terminal = terminal;
        this.auth = auth;
    }

    Router router(Vertx vertx, Handler<RoutingContext> slowLink) {
        Router router = Router.router(vertx);
        router.route().handler(slowLink);
        router.route().handler(ctx -> {
            ctx.addHeadersEndHandler(v -> terminal.deviceHeaders(ctx.response().headers()));
            ctx.next();
        });
        router.get("/v2/datasync/ping").handler(ctx -> Answers.ok(ctx, null));
        router.post().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        router.post("/v1/auth/login").handler(this::login);
        router.route().handler(this::authenticate);
        router.get("/v1/event").handler(ctx -> terminal.stream().accept(ctx));
        router.get("/v1/event/subscribe").handler(this::subscription);
        router.post("/v1/event/subscribe").handler(this::subscribe);
        router.get("/v1/device/functions").handler(ctx -> Answers.ok(ctx, terminal.functions().toJson()));
        router.post("/v1/device/functions").handler(this::setFunctions);
        router.post("/v1/event/records").handler(this::records);
        router.post("/v1/device/door").handler(this::door);
        router.get("/v1/device/info").handler(this::info);
        router.route().handler(ctx -> Answers.error(ctx, ResultCode.NOT_FOUND, "Not Found"));
        router.route().failureHandler(this::failure);
        return router;
    }

    private void authenticate(RoutingContext ctx) {
        if (auth.account(ctx.request().getHeader("Authorization")) == null) {
            Answers.error(ctx, ResultCode.UNAUTHORIZED,
                    "Unauthorized: send Authorization: Bearer <token from POST /v1/auth/login>, or Basic");
            return;
        }
        ctx.next();
    }

    private void login(RoutingContext ctx) {
        LoginRequest request = read(ctx, MessageKind.LOGIN_REQUEST, LoginRequest.class, false);
        if (request == null) {
            return;
        }
        TerminalAuth.Login login = auth.login(request);
        if (login.answer() == null) {
            Answers.error(ctx, login.error(), login.reason());
        } else {
            Answers.send(ctx, 200, login.answer());
        }
    }

    private void subscription(RoutingContext ctx) {
        SubscribeConfig current = terminal.subscription();
        Answers.ok(ctx, (current == null ? new SubscribeConfig("", false) : current).toJson());
    }

    private void subscribe(RoutingContext ctx) {
        SubscribeConfig config = read(ctx, MessageKind.SUBSCRIBE_CONFIG, SubscribeConfig.class, false);
        if (config == null) {
            return;
        }
        if (config.problem() != null) {
            refuse(ctx, config.problem());
            return;
        }
        terminal.subscribe(new SubscribeConfig(config.eventDest(), config.enabled() == null || config.enabled()));
        Answers.ok(ctx, null);
    }

    private void setFunctions(RoutingContext ctx) {
        DeviceFunctions changes = read(ctx, MessageKind.DEVICE_FUNCTIONS, DeviceFunctions.class, false);
        if (changes == null) {
            return;
        }
        DeviceFunctions merged = terminal.functions().overlay(changes);
        String problem = merged.problem();
        AuthMode mode = merged.authModeKnown();
        boolean remote = mode == AuthMode.REMOTE_DOOR_OPENING || mode == AuthMode.SERVER_IDENTIFICATION;
        if (problem == null && remote && (merged.remoteAuthenticationAddress() == null
                || merged.remoteAuthenticationAddress().isBlank())) {
            problem = "auth_mode " + merged.authMode() + " needs remote_authentication_address";
        }
        if (problem != null) {
            refuse(ctx, problem);
            return;
        }
        terminal.functions(merged);
        Answers.ok(ctx, null);
    }

    private void records(RoutingContext ctx) {
        RecordsQuery query = read(ctx, MessageKind.RECORDS_QUERY, RecordsQuery.class, true);
        if (query == null) {
            return;
        }
        if (query.problem() != null) {
            refuse(ctx, query.problem());
            return;
        }
        Answers.send(ctx, 200, terminal.history().query(query));
    }

    private void door(RoutingContext ctx) {
        DoorCommand command = read(ctx, MessageKind.DOOR_COMMAND, DoorCommand.class, false);
        if (command == null) {
            return;
        }
        if (command.openModeKnown() == null) {
            refuse(ctx, "open_mode must be 0 (open then close), 1 (always open) or 2 (always closed)");
            return;
        }
        terminal.doorCommand(command.openMode());
        Answers.ok(ctx, null);
    }

    private void info(RoutingContext ctx) {
        TerminalConfig config = terminal.settings();
        Answers.ok(ctx, FieldWriter.object().put("sn", config.serial()).put("model", config.model())
                .put("firmware_version", config.version().label()).put("ip", config.address()).build());
    }

    /**
     * Reads the body as {@code kind}; on failure answers 400 with the field and reason and returns {@code null}.
     * {@code emptyIsObject}: an absent body means {@code {}} (every field of the query is optional).
     */
    private <T extends SenseMessage> T read(RoutingContext ctx, MessageKind kind, Class<T> type, boolean emptyIsObject) {
        Buffer body = ctx.body().buffer();
        byte[] bytes = body == null || body.length() == 0 ? (emptyIsObject ? new byte[] {'{', '}'} : new byte[0])
                : body.getBytes();
        try {
            if (bytes.length == 0) {
                throw new DecodeException("", "a JSON body is required");
            }
            return type.cast(ProtocolCodec.standard().decode(bytes, r -> SenseDecoder.read(kind, r)));
        } catch (DecodeException e) {
            refuse(ctx, e.getMessage());
            return null;
        }
    }

    private void refuse(RoutingContext ctx, String reason) {
        terminal.countRefused();
        Answers.refused(ctx, 400, reason);
    }

    private void failure(RoutingContext ctx) {
        if (ctx.statusCode() == 413) {
            terminal.countRefused();
            Answers.refused(ctx, 413, "body larger than " + MAX_BODY_BYTES + " bytes");
        } else if (ctx.statusCode() == 400) {
            terminal.countRefused();
            Answers.refused(ctx, 400, "unreadable request");
        } else {
            Answers.error(ctx, ResultCode.INTERNAL_ERROR, "Internal Server Error");
        }
    }
}
