package io.gatehouse.server;

import io.gatehouse.core.policy.authorize.AuthAnswer;
import io.gatehouse.server.config.ConfigException;
import io.gatehouse.server.config.ConfigSources;
import io.gatehouse.server.config.Setting;
import io.gatehouse.server.config.Settings;
import io.gatehouse.server.connect.ConnectorSettings;
import io.gatehouse.server.ingest.IngestSettings;
import io.gatehouse.server.store.RetentionSettings;
import io.gatehouse.server.store.StoreSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the hub needs to start. {@code gatehouse serve} builds it from a YAML file, environment variables
 * and flags, in that order of precedence (flag wins); every field has a default that works on a laptop. The
 * settings, their keys and defaults are listed once, in {@link #SETTINGS}; {@code docs/OPERATIONS.md} documents
 * each of them.
 *
 * @param bindHost      the address the HTTP server listens on
 * @param port          the HTTP port of the API, the receivers and the console (0 picks a free one, for tests)
 * @param httpLoops     event-loop threads that serve HTTP, each with its own server on the shared port; 0: one per core
 * @param dataDir       where the databases, the image segments and the admin token live
 * @param decisionLogDir where the decision log ({@code decisions.db}) lives; {@code null}: the data directory
 * @param publicBaseUrl the base URL devices must reach the receivers at; {@code null} derives it from host and port
 * @param adminToken    the admin API bearer token; {@code null} reads or creates {@code dataDir/admin-token}
 * @param store         the event store's queue, batch and thread sizes and its late threshold
 * @param retention     what the store forgets, and when
 * @param ingest        the device receivers' limits and the quarantine's size
 * @param connect       the clocks and limits of the connectors the hub keeps to its devices
 */
public record HubConfig(String bindHost, int port, int httpLoops, Path dataDir, Path decisionLogDir,
                        String publicBaseUrl, String adminToken,
                        StoreSettings store, RetentionSettings retention, IngestSettings ingest,
                        ConnectorSettings connect) {
    public static final int DEFAULT_PORT = 8080;

    /** Every setting of the hub, in the order {@code --help} and {@code --print-config} show them. */
    public static final List<Setting> SETTINGS = List.of(
            Setting.of("bind", "0.0.0.0", "Address the HTTP server listens on (0.0.0.0: every interface)."),
            Setting.of("port", String.valueOf(DEFAULT_PORT), "HTTP port of the API, the device receivers and the health endpoints."),
            Setting.of("http-loops", "0", "Event-loop threads serving HTTP, sharing the port (0: one per core)."),
            Setting.of("data", "data", "Data directory: databases, image segments (images/), admin token."),
            Setting.of("decision-log", null, "Directory of the decision log (decisions.db); default: the data directory."
                    + " On a disk of its own, a door's commit does not wait behind the event store's writes."),
            Setting.of("public-url", null, "Base URL devices use to reach the hub; default: from bind and port."),
            Setting.secret("admin-token", "Admin API bearer token; default: generated into DATA/admin-token."),
            Setting.of("store.queue-capacity", "10000", "Events accepted, not yet committed; beyond it devices get 503, retry."),
            Setting.of("store.queue-bytes", "0", "Heap those events may hold, counted from their images (0: an eighth of the heap); beyond it 503."),
            Setting.of("store.max-batch", "500", "Most events committed together (group commit)."),
            Setting.of("store.readers", "2", "Threads (one database connection each) for API queries and streams."),
            Setting.of("store.late-threshold", "1m", "An event received more than this after it happened is marked late."),
            Setting.of("store.request-record-wait", "100ms", "How long a remote-authorization request's record may wait to be committed with others (the door waits for the decision log, not for it); 0: at once."),
            Setting.of("retention.max-age", "0", "Delete events that happened longer ago than this (0: keep forever)."),
            Setting.of("retention.max-size", "0", "Delete oldest events while database + images exceed this (0: no limit)."),
            Setting.of("retention.interval", "1m", "How often retention checks its limits."),
            Setting.of("retention.batch", "500", "Events deleted per retention step (new events commit between steps)."),
            Setting.of("retention.decision-max-age", "0", "Delete decision-log entries decided longer ago than this (0: keep forever)."),
            Setting.of("ingest.max-request", "8MiB", "Largest request body a device receiver reads (413 beyond)."),
            Setting.of("ingest.max-depth", "32", "Deepest JSON nesting a device receiver accepts."),
            Setting.of("ingest.max-image", "4MiB", "Largest image in a device payload, after base64 decoding."),
            Setting.of("ingest.max-in-flight", "16", "Requests of one device being stored at once; beyond it, 503."),
            Setting.of("ingest.link-tolerance", "10s", "Most time between a remote-authorization request and its passage record."),
            Setting.of("ingest.auth-answer", "durable", "durable: answer a door once its decision is committed (within the budget); fast: at once."),
            Setting.of("quarantine.max-entries", "1000", "Rejected device payloads kept for diagnosis (0: none)."),
            Setting.of("quarantine.max-size", "64MiB", "Most bytes of rejected payloads kept."),
            Setting.of("connect.drift-check", "5m", "How often each terminal's settings are read back and repaired."),
            Setting.of("connect.camera-refresh", "1m", "How often each SE box's camera list is read again."),
            Setting.of("connect.backoff-min", "1s", "First retry delay after a device failed to answer."),
            Setting.of("connect.backoff-max", "60s", "Longest retry delay (delays double up to it, drawn at random)."),
            Setting.of("connect.ping", "20s", "WebSocket ping period; a socket silent for two periods is reopened."),
            Setting.of("connect.request-timeout", "10s", "Connect and answer time of one request to a device."),
            Setting.of("connect.token-validity", "60m", "Lifetime asked for a terminal login token (1m to 24h)."),
            Setting.of("connect.max-message", "8MiB", "Largest WebSocket message or answer taken from a device."));

    /** The hub's own settings with the store's and retention's defaults (tests, embedding). */
    public HubConfig(String bindHost, int port, Path dataDir, String publicBaseUrl, String adminToken) {
        this(bindHost, port, 0, dataDir, null, publicBaseUrl, adminToken, StoreSettings.DEFAULTS,
                RetentionSettings.DEFAULTS, IngestSettings.DEFAULTS, ConnectorSettings.production());
    }

    /** Where the decision log lives: its own directory when set, else the data directory. */
    @Override
    public Path decisionLogDir() {
        return decisionLogDir == null ? dataDir : decisionLogDir;
    }

    public static HubConfig defaults() {
        try {
            return from(new ConfigSources(SETTINGS).resolve(null, Map.of(), Map.of()));
        } catch (ConfigException e) {
            throw new IllegalStateException("the default settings are valid", e);
        }
    }

    /** The configuration the resolved settings describe; the first invalid value fails with its key and source. */
    public static HubConfig from(Settings s) throws ConfigException {
        StoreSettings store = new StoreSettings(
                s.integer("store.queue-capacity", 1, 10_000_000),
                s.bytes("store.queue-bytes"),
                s.integer("store.max-batch", 1, 100_000),
                s.integer("store.readers", 1, 64),
                s.duration("store.late-threshold"),
                s.duration("store.request-record-wait"));
        RetentionSettings retention = new RetentionSettings(
                s.duration("retention.max-age"),
                s.bytes("retention.max-size"),
                positive(s, "retention.interval"),
                s.integer("retention.batch", 1, 100_000),
                s.duration("retention.decision-max-age"));
        return new HubConfig(s.text("bind"), s.integer("port", 0, 65_535), s.integer("http-loops", 0, 256),
                s.path("data"), s.text("decision-log") == null ? null : s.path("decision-log"), publicUrl(s),
                s.text("admin-token"), store, retention, ingest(s), connect(s));
    }

    private static ConnectorSettings connect(Settings s) throws ConfigException {
        Duration backoffMin = positive(s, "connect.backoff-min");
        Duration backoffMax = positive(s, "connect.backoff-max");
        if (backoffMax.compareTo(backoffMin) < 0) {
            throw new ConfigException("connect.backoff-max (from " + s.source("connect.backoff-max") + "): must not be"
                    + " shorter than connect.backoff-min (" + s.text("connect.backoff-min") + ")");
        }
        Duration token = s.duration("connect.token-validity");
        if (token.toMinutes() < 1 || token.toMinutes() > 24 * 60 || token.toSecondsPart() != 0
                || token.toNanosPart() != 0) {
            throw new ConfigException("connect.token-validity (from " + s.source("connect.token-validity")
                    + "): expected whole minutes from 1m to 24h (the terminal's login takes 1 to 1440 minutes), got "
                    + s.text("connect.token-validity"));
        }
        return new ConnectorSettings(positive(s, "connect.drift-check"), positive(s, "connect.camera-refresh"),
                backoffMin, backoffMax, positive(s, "connect.ping"), positive(s, "connect.request-timeout"),
                (int) token.toMinutes(), (int) bytesBetween(s, "connect.max-message", 1024, Integer.MAX_VALUE - 8));
    }

    private static IngestSettings ingest(Settings s) throws ConfigException {
        return new IngestSettings(
                (int) bytesBetween(s, "ingest.max-request", 1024, Integer.MAX_VALUE - 8),
                s.integer("ingest.max-depth", 4, 1000),
                (int) bytesBetween(s, "ingest.max-image", 1024, Integer.MAX_VALUE / 2),
                s.integer("ingest.max-in-flight", 1, 100_000),
                s.duration("ingest.link-tolerance"),
                s.integer("quarantine.max-entries", 0, 1_000_000),
                s.bytes("quarantine.max-size"),
                authAnswer(s));
    }

    private static AuthAnswer authAnswer(Settings s) throws ConfigException {
        String value = s.text("ingest.auth-answer").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "durable" -> AuthAnswer.DURABLE;
            case "fast" -> AuthAnswer.FAST;
            default -> throw new ConfigException("ingest.auth-answer (from " + s.source("ingest.auth-answer")
                    + "): expected durable or fast, got '" + s.text("ingest.auth-answer") + "'");
        };
    }

    private static long bytesBetween(Settings s, String key, long min, long max) throws ConfigException {
        long bytes = s.bytes(key);
        if (bytes < min || bytes > max) {
            throw new ConfigException(key + " (from " + s.source(key) + "): expected a size from " + min + " to "
                    + max + " bytes, got " + bytes);
        }
        return bytes;
    }

    /** Devices are configured with this URL, so a malformed one must stop the hub rather than reach them. */
    private static String publicUrl(Settings s) throws ConfigException {
        String text = s.text("public-url");
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text.strip());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                String url = uri.toString();
                return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new ConfigException("public-url (from " + s.source("public-url") + "): expected an http:// or https://"
                + " URL with a host, such as http://192.0.2.10:8080, got '" + text + "'");
    }

    private static Duration positive(Settings s, String key) throws ConfigException {
        Duration duration = s.duration(key);
        if (duration.isZero()) {
            throw new ConfigException(key + ": must be longer than 0");
        }
        return duration;
    }

    /** Like the record's, without the admin token: a configuration may be logged. */
    @Override
    public String toString() {
        return "HubConfig[bind=" + bindHost + ", port=" + port + ", httpLoops=" + httpLoops + ", data=" + dataDir
                + ", decisionLog=" + decisionLogDir() + ", publicUrl=" + publicBaseUrl
                + ", adminToken=" + (adminToken == null ? "(from the data directory)" : "(set)") + ", store=" + store
                + ", retention=" + retention + ", ingest=" + ingest + ", connect=" + connect + "]";
    }

    public HubConfig withBindHost(String host) {
        return new HubConfig(host, port, httpLoops, dataDir, decisionLogDir, publicBaseUrl,
                adminToken, store, retention, ingest, connect);
    }

    public HubConfig withHttpLoops(int loops) {
        return new HubConfig(bindHost, port, loops, dataDir, decisionLogDir, publicBaseUrl,
                adminToken, store, retention, ingest, connect);
    }

    public HubConfig withPort(int newPort) {
        return new HubConfig(bindHost, newPort, httpLoops, dataDir, decisionLogDir, publicBaseUrl,
                adminToken, store, retention, ingest, connect);
    }

    public HubConfig withDataDir(Path dir) {
        return new HubConfig(bindHost, port, httpLoops, dir, decisionLogDir, publicBaseUrl,
                adminToken, store, retention, ingest, connect);
    }

    public HubConfig withDecisionLogDir(Path dir) {
        return new HubConfig(bindHost, port, httpLoops, dataDir, dir, publicBaseUrl,
                adminToken, store, retention, ingest, connect);
    }

    public HubConfig withAdminToken(String token) {
        return new HubConfig(bindHost, port, httpLoops, dataDir, decisionLogDir, publicBaseUrl,
                token, store, retention, ingest, connect);
    }

    public HubConfig withStore(StoreSettings newStore) {
        return new HubConfig(bindHost, port, httpLoops, dataDir, decisionLogDir, publicBaseUrl,
                adminToken, newStore, retention, ingest, connect);
    }

    public HubConfig withRetention(RetentionSettings newRetention) {
        return new HubConfig(bindHost, port, httpLoops, dataDir, decisionLogDir, publicBaseUrl,
                adminToken, store, newRetention, ingest, connect);
    }

    public HubConfig withIngest(IngestSettings newIngest) {
        return new HubConfig(bindHost, port, httpLoops, dataDir, decisionLogDir, publicBaseUrl,
                adminToken, store, retention, newIngest, connect);
    }

    public HubConfig withPublicBaseUrl(String url) {
        return new HubConfig(bindHost, port, httpLoops, dataDir, decisionLogDir, url,
                adminToken, store, retention, ingest, connect);
    }

    public HubConfig withConnect(ConnectorSettings newConnect) {
        return new HubConfig(bindHost, port, httpLoops, dataDir, decisionLogDir, publicBaseUrl,
                adminToken, store, retention, ingest, newConnect);
    }
}
