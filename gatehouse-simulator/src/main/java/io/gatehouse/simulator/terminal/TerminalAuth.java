package io.gatehouse.simulator.terminal;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.gatehouse.protocol.sense.LoginAnswer;
import io.gatehouse.protocol.sense.LoginRequest;
import io.gatehouse.protocol.sense.ResultCode;
import io.gatehouse.simulator.device.DeviceTiming;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * The terminal's one account: {@code POST /v1/auth/login} issues a JWT valid {@code validTime} minutes (1..1440,
 * default 5), and business endpoints take either {@code Authorization: Bearer <token>} or Basic authentication.
 * Each terminal signs with its own random key, so one terminal's token opens no other.
 */
final class TerminalAuth {
    /** Millisecond expiry: the standard {@code exp} claim has whole seconds, too coarse for fast test clocks. */
    private static final String EXPIRES_MS = "exp_ms";

    private final String serial;
    private final String username;
    private final byte[] password;
    private final DeviceTiming timing;
    private final Algorithm algorithm;
    private final JWTVerifier verifier;

    TerminalAuth(String serial, String username, String password, DeviceTiming timing) {
        this.serial = serial;
        this.username = username;
        this.password = password.getBytes(StandardCharsets.UTF_8);
        this.timing = timing;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.algorithm = Algorithm.HMAC256(key);
        this.verifier = JWT.require(algorithm).withIssuer(serial).build();
    }

    /** The outcome of a login: a token, or the documented error code. */
    record Login(LoginAnswer answer, ResultCode error, String reason) {
    }

    Login login(LoginRequest request) {
        int minutes = request.effectiveValidMinutes();
        if (minutes < 0) {
            return new Login(null, ResultCode.UNDEFINED_ERROR, "validTime must be 1.." + LoginRequest.MAX_VALID_MINUTES + " minutes");
        }
        if (!username.equals(request.username())) {
            return new Login(null, ResultCode.ACCOUNT_NOT_FOUND, "account does not exist");
        }
        if (!MessageDigest.isEqual(password, request.password().getBytes(StandardCharsets.UTF_8))) {
            return new Login(null, ResultCode.WRONG_PASSWORD, "wrong password");
        }
        Instant now = Instant.now();
        Instant expires = now.plusMillis(timing.minutesToMillis(minutes));
        String token = JWT.create().withIssuer(serial).withSubject(username).withIssuedAt(now)
                .withExpiresAt(Date.from(expires.plusSeconds(1)))
                .withClaim(EXPIRES_MS, expires.toEpochMilli())
                .sign(algorithm);
        return new Login(new LoginAnswer(ResultCode.OK.code(), "OK", token), null, null);
    }

    /** The account an {@code Authorization} header proves, or {@code null} when it proves none. */
    String account(String authorization) {
        if (authorization == null) {
            return null;
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return bearer(authorization.substring(7).trim());
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(authorization.substring(6).trim());
        }
        return null;
    }

    private String bearer(String token) {
        try {
            DecodedJWT jwt = verifier.verify(token);
            Long expires = jwt.getClaim(EXPIRES_MS).asLong();
            if (expires == null || System.currentTimeMillis() >= expires) {
                return null;
            }
            return jwt.getSubject();
        } catch (JWTVerificationException e) {
            return null;
        }
    }

    private String basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        boolean userOk = username.equals(decoded.substring(0, colon));
        boolean passwordOk = MessageDigest.isEqual(password, decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
        return userOk && passwordOk ? username : null;
    }
}
