package io.gatehouse.server;

import java.nio.file.Path;

/**
 * Everything the hub needs to start. {@code gatehouse serve} builds it from a YAML file, environment variables
 * and flags, in that order of precedence (flag wins); every field has a default that works on a laptop.
 *
 * @param bindHost      the address the HTTP server listens on
 * @param port          the HTTP port of the API, the receivers and the console (0 picks a free one, for tests)
 * @param dataDir       where the database, the image blobs and the admin token live
 * @param publicBaseUrl the base URL devices must reach the receivers at; {@code null} derives it from host and port
 * @param adminToken    the admin API bearer token; {@code null} reads or creates {@code dataDir/admin-token}
 */
public record HubConfig(String bindHost, int port, Path dataDir, String publicBaseUrl, String adminToken) {
    public static final int DEFAULT_PORT = 8080;

    public static HubConfig defaults() {
        return new HubConfig("0.0.0.0", DEFAULT_PORT, Path.of("data"), null, null);
    }

    public HubConfig withPort(int newPort) {
        return new HubConfig(bindHost, newPort, dataDir, publicBaseUrl, adminToken);
    }

    public HubConfig withDataDir(Path dir) {
        return new HubConfig(bindHost, port, dir, publicBaseUrl, adminToken);
    }
}
