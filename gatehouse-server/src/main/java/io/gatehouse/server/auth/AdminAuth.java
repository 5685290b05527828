package io.gatehouse.server.auth;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API's bearer token. Taken from {@code GATEHOUSE_ADMIN_TOKEN} when set; otherwise read from
 * {@code DATA/admin-token}, generated there at first start (owner-only permissions) and printed once.
 * Compared in constant time; never logged.
 */
public final class AdminAuth implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger(AdminAuth.class);
    static final String FILE = "admin-token";

    private final byte[] expected;

    private AdminAuth(String token) {
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param configured the token from the environment or configuration, or {@code null}
     */
    public static AdminAuth load(Path dataDir, String configured) throws IOException {
        if (configured != null && !configured.isBlank()) {
            return new AdminAuth(configured.strip());
        }
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            return new AdminAuth(Files.readString(file, StandardCharsets.UTF_8).strip());
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(dataDir);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(Set.of(
                    java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                    java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
        // printed once, to the console of whoever started the hub: this is how the operator learns it
        System.out.println("Gatehouse admin token (saved in " + file + "): " + token);
        LOG.info("generated a new admin token in {}", file);
        return new AdminAuth(token);
    }

    public boolean accepts(String authorizationHeader) {
        return authorizationHeader != null
                && MessageDigest.isEqual(expected, authorizationHeader.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (accepts(ctx.request().getHeader("Authorization"))) {
            ctx.next();
        } else {
            ctx.response().setStatusCode(401)
                    .putHeader("WWW-Authenticate", "Bearer realm=\"gatehouse\"")
                    .putHeader("Content-Type", "application/json")
                    .end("{\"error\":\"unauthorized\",\"reason\":\"a valid admin bearer token is required\"}");
        }
    }
}
