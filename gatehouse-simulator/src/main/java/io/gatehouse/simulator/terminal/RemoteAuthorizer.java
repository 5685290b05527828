package io.gatehouse.simulator.terminal;

import io.gatehouse.protocol.MessageKind;
import io.gatehouse.protocol.ProtocolCodec;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.sense.AuthMode;
import io.gatehouse.protocol.sense.DeviceFunctions;
import io.gatehouse.protocol.sense.RemoteAuthAnswer;
import io.gatehouse.protocol.sense.RemoteAuthRequest;
import io.gatehouse.protocol.sense.ResultCode;
import io.gatehouse.protocol.sense.SenseDecoder;
import io.gatehouse.simulator.device.Counter;
import io.gatehouse.simulator.device.DeviceCounters;
import io.gatehouse.simulator.device.DeviceTiming;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

/**
 * The terminal's side of remote authorization ({@code auth_mode} 1 and 3): it asks
 * {@code remote_authentication_address} and waits for the verdict up to its deadline, and it sends the
 * heartbeat {@code GET} to that address every heartbeat interval. When no heartbeat has been answered with
 * HTTP 200 for {@code remote_auth_timeout_to_local_auth} minutes (0: never), it stops asking and decides
 * locally until a heartbeat is answered again.
 */
final class RemoteAuthorizer {
    private final Vertx vertx;
    private final DeviceLink link;
    private final DeviceCounters counters;
    private final DeviceTiming timing;
    private DeviceFunctions functions;
    private long heartbeatTimer = -1;
    private long lastAnswerMillis;

    RemoteAuthorizer(Vertx vertx, DeviceLink link, DeviceCounters counters, DeviceTiming timing) {
        this.vertx = vertx;
        this.link = link;
        this.counters = counters;
        this.timing = timing;
    }

    /** Applies new settings: the heartbeat runs while a remote mode has an address. */
    void configure(DeviceFunctions settings) {
        this.functions = settings;
        stop();
        lastAnswerMillis = System.currentTimeMillis();
        if (configured()) {
            heartbeatTimer = vertx.setPeriodic(timing.heartbeatInterval().toMillis(), id -> heartbeat());
        }
    }

    AuthMode mode() {
        AuthMode mode = functions == null ? null : functions.authModeKnown();
        return mode == null ? AuthMode.LOCAL : mode;
    }

    /** A remote mode with an address: the terminal asks (unless it has fallen back). */
    boolean configured() {
        AuthMode mode = mode();
        String address = functions == null ? null : functions.remoteAuthenticationAddress();
        return (mode == AuthMode.REMOTE_DOOR_OPENING || mode == AuthMode.SERVER_IDENTIFICATION)
                && address != null && !address.isBlank();
    }

    /** True once the heartbeat has gone unanswered for the configured minutes. */
    boolean fallenBack() {
        Integer minutes = functions == null ? null : functions.remoteAuthTimeoutToLocalAuth();
        if (minutes == null || minutes == 0) {
            return false;
        }
        return System.currentTimeMillis() - lastAnswerMillis > timing.minutesToMillis(minutes);
    }

    /** Whether the next walk-up in a remote mode is asked about, rather than decided locally. */
    boolean asking() {
        return configured() && !fallenBack();
    }

    /** Asks the server; fails when no usable answer (HTTP 200, body code 200) arrives before the deadline. */
    Future<RemoteAuthAnswer> ask(RemoteAuthRequest request) {
        counters.increment(Counter.REMOTE_AUTH_ASKED);
        Buffer body = Buffer.buffer(ProtocolCodec.standard().encode(request));
        return link.post(functions.remoteAuthenticationAddress(), body, timing.remoteAuthDeadline())
                .compose(reply -> {
                    if (reply.status() != 200) {
                        return Future.failedFuture("HTTP " + reply.status());
                    }
                    try {
                        RemoteAuthAnswer answer = (RemoteAuthAnswer) ProtocolCodec.standard().decode(
                                reply.body().getBytes(), r -> SenseDecoder.read(MessageKind.REMOTE_AUTH_ANSWER, r));
                        return answer.code() == ResultCode.OK.code()
                                ? Future.succeededFuture(answer) : Future.failedFuture("answer code " + answer.code());
                    } catch (DecodeException e) {
                        return Future.failedFuture("unreadable answer: " + e.getMessage());
                    }
                })
                .onFailure(e -> counters.increment(Counter.REMOTE_AUTH_TIMED_OUT));
    }

    private void heartbeat() {
        link.get(functions.remoteAuthenticationAddress(), timing.heartbeatInterval()).onSuccess(reply -> {
            if (reply.status() == 200) {
                lastAnswerMillis = System.currentTimeMillis();
                counters.increment(Counter.HEARTBEATS_ANSWERED);
            }
        });
    }

    void stop() {
        if (heartbeatTimer != -1) {
            vertx.cancelTimer(heartbeatTimer);
            heartbeatTimer = -1;
        }
    }
}
