package io.gatehouse.server.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.FieldWriter;
import io.gatehouse.protocol.json.Json;
import io.gatehouse.protocol.json.Notes;
import io.gatehouse.protocol.sophon.SophonVersion;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A device's JSON, as the API takes and shows it and as the database keeps its spec. Reading is strict: an unknown
 * field is refused (a typo such as {@code chanels} must not silently leave a channel off), every value is checked,
 * and each error names its field. Reading a change starts from the current spec, so absent fields keep their value;
 * the password is written nowhere but in {@code passwordSet}.
 */
public final class DeviceJson {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:\\[\\]%-]{1,253}");
    private static final Pattern SERIAL = Pattern.compile("[\\x21-\\x7e]{1,64}");
    private static final Set<String> COMMON = Set.of("id", "kind", "name");
    private static final Set<String> TERMINAL = Set.of("host", "port", "tls", "username", "password", "channels",
            "remoteAuthFallbackMinutes", "trust", "serial");
    private static final Set<String> SE_BOX = Set.of("host", "restPort", "webSocketPort", "version", "cameras");
    static final Set<TerminalChannel> DEFAULT_CHANNELS = Set.of(TerminalChannel.PUSH, TerminalChannel.WEBSOCKET);

    private DeviceJson() {
    }

    /** What a request body says about a device (a new one, or changes to {@code current}). */
    public record Described(String id, DeviceKind kind, String name, DeviceSpec spec, String serial) {
    }

    /** Reads a registration; {@code id} and {@code name} may be absent. */
    public static Described create(JsonNode body) throws DecodeException {
        FieldReader r = FieldReader.root(body, new Notes());
        String kindLabel = r.string("kind");
        DeviceKind kind = DeviceKind.of(kindLabel);
        if (kind == null) {
            throw new DecodeException("kind", "expected terminal or se-box");
        }
        refuseUnknown(r, kind);
        String id = r.optString("id");
        if (id != null && !ID.matcher(id).matches()) {
            throw new DecodeException("id", "1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (!r.has("host")) {
            throw new DecodeException("host", "required field is missing");
        }
        return new Described(id, kind, name(r, null), spec(r, kind, null, true), serial(r, null));
    }

    /** Reads changes to {@code current}: fields present replace, fields absent keep their value. */
    public static Described change(JsonNode body, Device current) throws DecodeException {
        FieldReader r = FieldReader.root(body, new Notes());
        refuseUnknown(r, current.kind());
        String id = r.optString("id");
        if (id != null && !id.equals(current.id())) {
            throw new DecodeException("id", "a device's id cannot change; remove it and register it anew");
        }
        String kind = r.optString("kind");
        if (kind != null && !kind.equals(current.kind().label())) {
            throw new DecodeException("kind", "a device's kind cannot change; remove it and register it anew");
        }
        return new Described(current.id(), current.kind(), name(r, current.name()), spec(r, current.kind(),
                current.spec(), true), serial(r, current.serial()));
    }

    private static void refuseUnknown(FieldReader r, DeviceKind kind) throws DecodeException {
        Set<String> known = new TreeSet<>(COMMON);
        known.addAll(kind == DeviceKind.TERMINAL ? TERMINAL : SE_BOX);
        for (var names = r.node().fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new DecodeException(r.pathOf(name.length() > 40 ? name.substring(0, 40) + "..." : name),
                        "unknown field for a " + kind.label() + "; expected one of " + known);
            }
        }
    }

    private static String name(FieldReader r, String current) throws DecodeException {
        if (!r.has("name")) {
            return current;
        }
        String name = r.optString("name");
        if (name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            throw new DecodeException("name", "at most 200 characters, without control characters");
        }
        return name.isBlank() ? null : name;
    }

    private static String serial(FieldReader r, String current) throws DecodeException {
        if (!r.has("serial")) {
            return current;
        }
        String serial = r.optString("serial");
        if (!SERIAL.matcher(serial).matches()) {
            throw new DecodeException("serial", "1 to 64 printable ASCII characters without spaces, e.g. PSC700C0MC22F02542");
        }
        return serial;
    }

    private static DeviceSpec spec(FieldReader r, DeviceKind kind, DeviceSpec current, boolean checkFiles)
            throws DecodeException {
        return kind == DeviceKind.TERMINAL ? terminal(r, (TerminalSpec) current, checkFiles)
                : seBox(r, (SeBoxSpec) current);
    }

    private static TerminalSpec terminal(FieldReader r, TerminalSpec c, boolean checkFiles) throws DecodeException {
        String password = c == null ? null : c.password();
        if (r.has("password")) {
            password = text(r, "password", 128, true);
        }
        return new TerminalSpec(
                host(r, c == null ? null : c.host()),
                port(r, "port", c == null ? TerminalSpec.DEFAULT_PORT : c.port()),
                r.has("tls") ? r.optBoolean("tls") : c == null || c.tls(),
                r.has("username") ? text(r, "username", 64, false) : c == null ? "admin" : c.username(),
                password,
                channels(r, c == null ? DEFAULT_CHANNELS : c.channels()),
                r.has("remoteAuthFallbackMinutes") ? range(r, "remoteAuthFallbackMinutes", 0, 60)
                        : c == null ? 1 : c.remoteAuthFallbackMinutes(),
                trust(r, c == null ? TrustPolicy.TOFU : c.trust(), checkFiles));
    }

    private static SeBoxSpec seBox(FieldReader r, SeBoxSpec c) throws DecodeException {
        SophonVersion version = c == null ? SophonVersion.V5 : c.version();
        if (r.has("version")) {
            String label = r.optString("version");
            if (!label.equals("V5") && !label.equals("V6")) {
                throw new DecodeException("version", "expected V5 or V6 (the box's document version)");
            }
            version = SophonVersion.fromLabel(label);
        }
        List<String> cameras = c == null ? List.of() : c.cameras();
        if (r.has("cameras")) {
            cameras = distinct(r, "cameras", 1024);
        }
        return new SeBoxSpec(host(r, c == null ? null : c.host()),
                port(r, "restPort", c == null ? SeBoxSpec.DEFAULT_REST_PORT : c.restPort()),
                port(r, "webSocketPort", c == null ? SeBoxSpec.DEFAULT_WEBSOCKET_PORT : c.webSocketPort()),
                version, cameras);
    }

    private static String host(FieldReader r, String current) throws DecodeException {
        if (!r.has("host")) {
            return current;
        }
        String host = r.optString("host");
        if (!HOST.matcher(host).matches()) {
            throw new DecodeException("host", "a host name or IP address such as 192.0.2.21, without scheme or port");
        }
        return host;
    }

    private static int port(FieldReader r, String name, int current) throws DecodeException {
        return r.has(name) ? range(r, name, 1, 65_535) : current;
    }

    private static int range(FieldReader r, String name, int min, int max) throws DecodeException {
        int value = r.intValue(name);
        if (value < min || value > max) {
            throw new DecodeException(r.pathOf(name), "must be from " + min + " to " + max);
        }
        return value;
    }

    private static String text(FieldReader r, String name, int max, boolean mayBeEmpty) throws DecodeException {
        String value = r.optString(name);
        if (value == null) {
            return null;
        }
        if (value.length() > max || value.chars().anyMatch(Character::isISOControl) || !mayBeEmpty && value.isEmpty()) {
            throw new DecodeException(r.pathOf(name), (mayBeEmpty ? "at most " : "1 to ") + max
                    + " characters, without control characters");
        }
        return value;
    }

    private static Set<TerminalChannel> channels(FieldReader r, Set<TerminalChannel> current) throws DecodeException {
        if (!r.has("channels")) {
            return current;
        }
        Set<TerminalChannel> channels = new LinkedHashSet<>();
        List<String> labels = distinct(r, "channels", 3);
        for (int i = 0; i < labels.size(); i++) {
            TerminalChannel channel = TerminalChannel.of(labels.get(i));
            if (channel == null) {
                throw new DecodeException("channels[" + i + "]", "expected push, websocket or remote-auth");
            }
            channels.add(channel);
        }
        return channels;
    }

    private static TrustPolicy trust(FieldReader parent, TrustPolicy current, boolean checkFile) throws DecodeException {
        FieldReader r = parent.optObject("trust");
        if (r == null) {
            return current;
        }
        for (var names = r.node().fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("mode") && !name.equals("caFile")) {
                throw new DecodeException("trust." + name.substring(0, Math.min(40, name.length())),
                        "unknown field; expected mode or caFile");
            }
        }
        TrustPolicy.Mode mode = TrustPolicy.Mode.of(r.string("mode"));
        if (mode == null) {
            throw new DecodeException("trust.mode", "expected tofu, ca-file or insecure");
        }
        String caFile = r.optString("caFile");
        if (mode == TrustPolicy.Mode.CA_FILE) {
            if (caFile == null || caFile.isBlank()) {
                throw new DecodeException("trust.caFile", "required with mode ca-file: the PEM file of the devices' CA");
            }
            try {
                if (checkFile && !Files.isReadable(Path.of(caFile))) {
                    throw new DecodeException("trust.caFile", "the hub cannot read " + caFile);
                }
            } catch (InvalidPathException e) {
                throw new DecodeException("trust.caFile", "not a file path");
            }
        } else if (caFile != null) {
            throw new DecodeException("trust.caFile", "only with mode ca-file");
        }
        return new TrustPolicy(mode, caFile);
    }

    private static List<String> distinct(FieldReader r, String name, int max) throws DecodeException {
        List<String> values = r.optStrings(name);
        if (values == null) {
            return List.of();
        }
        if (values.size() > max) {
            throw new DecodeException(name, "at most " + max + " entries");
        }
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value.isEmpty() || value.length() > 128 || value.chars().anyMatch(Character::isISOControl)) {
                throw new DecodeException(name + "[" + i + "]", "1 to 128 characters, without control characters");
            }
            if (seen.contains(value)) {
                throw new DecodeException(name + "[" + i + "]", "listed twice");
            }
            seen.add(value);
        }
        return seen;
    }

    /** The spec as the database keeps it and the API shows it: everything but the password. */
    public static ObjectNode spec(DeviceSpec spec) {
        if (spec instanceof TerminalSpec t) {
            return FieldWriter.object()
                    .put("host", t.host()).put("port", t.port()).put("tls", t.tls())
                    .put("username", t.username()).put("passwordSet", t.password() != null)
                    .putStrings("channels", t.channels().stream().sorted().map(TerminalChannel::label).toList())
                    .put("remoteAuthFallbackMinutes", t.remoteAuthFallbackMinutes())
                    .put("trust", FieldWriter.object().put("mode", t.trust().mode().label())
                            .put("caFile", t.trust().caFile()))
                    .build();
        }
        SeBoxSpec b = (SeBoxSpec) spec;
        return FieldWriter.object()
                .put("host", b.host()).put("restPort", b.restPort()).put("webSocketPort", b.webSocketPort())
                .put("version", b.version().label())
                .putStrings("cameras", b.cameras())
                .build();
    }

    /** Reads a spec the database kept, with the password decrypted separately. */
    static DeviceSpec storedSpec(DeviceKind kind, String json, String password) throws DecodeException {
        ObjectNode node = (ObjectNode) Json.standard().parse(json);
        node.remove("passwordSet");
        FieldReader r = FieldReader.root(node, new Notes());
        DeviceSpec spec = spec(r, kind, null, false); // a CA file that went missing shows when connecting
        return spec instanceof TerminalSpec t ? t.withPassword(password) : spec;
    }
}
