package io.gatehouse.server.connect;

import com.auth0.jwt.JWT;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.gatehouse.protocol.MessageKind;
import io.gatehouse.protocol.ProtocolCodec;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.sense.LoginAnswer;
import io.gatehouse.protocol.sense.LoginRequest;
import io.gatehouse.protocol.sense.ResultCode;
import io.gatehouse.protocol.sense.SenseDecoder;
import io.gatehouse.protocol.sense.SenseEnvelope;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal's credentials as an {@code Authorization} header. Logs in with {@code POST /v1/auth/login} and
 * keeps the JWT until half its life has passed (the life read from the token's own {@code iat}/{@code exp}, never
 * longer than the {@code validTime} asked for), so a request never carries a token about to expire; a token the
 * terminal refuses anyway (it rebooted and forgot its key) is dropped and the request retried once with a new
 * one. A terminal whose login endpoint does not exist (HTTP or code 404, 405, 501) gets Basic authentication.
 * Lives on the connector's loop. Neither the password nor a token is ever logged.
 */
final class TerminalLogin {
    private static final Logger LOG = LoggerFactory.getLogger(TerminalLogin.class);
    static final String PATH = "/v1/auth/login";

    interface Transport {
        Future<DeviceHttp.Reply> send(HttpMethod method, String path, byte[] body, String authorization);
    }

    private final DeviceEndpoint endpoint;
    private final int validMinutes;
    private final Transport transport;
    private final AtomicLong logins = new AtomicLong();
    private final AtomicLong refusedTokens = new AtomicLong();
    private String token;
    private long renewAtNanos;
    private Future<String> pending;
    private volatile boolean basic;

    TerminalLogin(DeviceEndpoint endpoint, int validMinutes, Transport transport) {
        this.endpoint = endpoint;
        this.validMinutes = validMinutes;
        this.transport = transport;
    }

    /** The header to send now: a fresh enough token (logging in first when needed), or Basic. */
    Future<String> authorization() {
        if (basic) {
            return Future.succeededFuture(basicHeader());
        }
        if (token != null && System.nanoTime() - renewAtNanos < 0) {
            return Future.succeededFuture("Bearer " + token);
        }
        if (pending != null) {
            return pending;
        }
        Future<String> login = login();
        if (!login.isComplete()) {
            pending = login;
            login.onComplete(ar -> pending = null);
        }
        return login;
    }

    /**
     * The terminal answered 401 to {@code authorization}. True when a retry may help: it was a token (now dropped,
     * so the retry logs in again). False for Basic: those credentials are simply wrong (the next cycle tries
     * the login endpoint again, in case a firmware upgrade brought it).
     */
    boolean refused(String authorization) {
        if (authorization != null && authorization.startsWith("Bearer ")) {
            if (token != null && authorization.equals("Bearer " + token)) {
                token = null;
                refusedTokens.incrementAndGet();
                LOG.info("device {}: the terminal refused its token (rebooted?); logging in again", endpoint.deviceId());
            }
            return true;
        }
        basic = false;
        return false;
    }

    long logins() {
        return logins.get();
    }

    long refusedTokens() {
        return refusedTokens.get();
    }

    boolean usesBasic() {
        return basic;
    }

    private Future<String> login() {
        byte[] body = ProtocolCodec.standard().encode(new LoginRequest(endpoint.username(), endpoint.password(), validMinutes));
        long sentAt = System.nanoTime();
        return transport.send(HttpMethod.POST, PATH, body, null).compose(reply -> answer(reply, sentAt));
    }

    private Future<String> answer(DeviceHttp.Reply reply, long sentAt) {
        String what = "POST " + PATH;
        if (unsupported(reply.status())) {
            return useBasic("HTTP " + reply.status());
        }
        SenseEnvelope envelope;
        try {
            envelope = TerminalAnswers.envelope(reply.body().getBytes());
        } catch (DecodeException e) {
            return Future.failedFuture(TerminalAnswers.notAnEnvelope(what, reply, e));
        }
        int code = envelope.code();
        if (unsupported(code)) {
            return useBasic("code " + code);
        }
        if (code == ResultCode.ACCOUNT_NOT_FOUND.code() || code == ResultCode.WRONG_PASSWORD.code()
                || code == ResultCode.UNAUTHORIZED.code() || reply.status() == 401) {
            return Future.failedFuture(new DeviceException(DeviceState.UNAUTHORIZED, "login refused: "
                    + TerminalAnswers.describe(envelope) + "; check the device's username and password"));
        }
        if (!envelope.isOk()) {
            return Future.failedFuture(new DeviceException(DeviceState.DEGRADED, "login failed: "
                    + TerminalAnswers.describe(envelope)));
        }
        try {
            LoginAnswer answer = (LoginAnswer) ProtocolCodec.standard().decode(reply.body().getBytes(),
                    r -> SenseDecoder.read(MessageKind.LOGIN_ANSWER, r));
            Duration life = lifetime(answer.token(), validMinutes);
            token = answer.token();
            renewAtNanos = sentAt + life.toNanos() / 2;
            logins.incrementAndGet();
            LOG.debug("device {}: logged in, token valid {} s, renewed after {} s", endpoint.deviceId(),
                    life.toSeconds(), life.toSeconds() / 2);
            return Future.succeededFuture("Bearer " + token);
        } catch (DecodeException e) {
            return Future.failedFuture(new DeviceException(DeviceState.DEGRADED, "login answer unreadable: " + e.getMessage()));
        }
    }

    private static boolean unsupported(int status) {
        return status == 404 || status == 405 || status == 501;
    }

    private Future<String> useBasic(String why) {
        if (!basic) {
            LOG.info("device {}: the terminal has no login endpoint ({}); using Basic authentication", endpoint.deviceId(), why);
        }
        basic = true;
        return Future.succeededFuture(basicHeader());
    }

    private String basicHeader() {
        String pair = endpoint.username() + ":" + endpoint.password();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * How long a token lives: {@code exp - iat} from the token (both in the terminal's clock, so its offset from
     * ours cancels out), at most the {@code validTime} asked for; that when the token carries no such claims.
     */
    static Duration lifetime(String token, int validMinutes) {
        Duration asked = Duration.ofMinutes(validMinutes);
        try {
            DecodedJWT jwt = JWT.decode(token);
            if (jwt.getIssuedAtAsInstant() != null && jwt.getExpiresAtAsInstant() != null) {
                Duration claimed = Duration.between(jwt.getIssuedAtAsInstant(), jwt.getExpiresAtAsInstant());
                if (!claimed.isNegative() && !claimed.isZero() && claimed.compareTo(asked) < 0) {
                    return claimed;
                }
            }
        } catch (JWTDecodeException e) {
            // an opaque token: it lives as long as asked
        }
        return asked;
    }
}
