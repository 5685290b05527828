package io.gatehouse.server.device;

import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.Json;
import io.gatehouse.server.db.Database;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code devices} table. Blocking JDBC: the registry calls it from its own writer thread. */
final class DeviceTable {
    private final Database database;
    private final DeviceSecrets secrets;

    DeviceTable(Database database, DeviceSecrets secrets) {
        this.database = database;
        this.secrets = secrets;
    }

    /** A stored device, and why part of it could not be read ({@code null} when all of it could). */
    record Loaded(Device device, String problem) {
    }

    List<Loaded> loadAll() throws SQLException {
        List<Loaded> devices = new ArrayList<>();
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement("SELECT id, kind, name,"
                + " spec_json, password_enc, serial, pinned_sha256, push_token, auth_token, created_at, updated_at"
                + " FROM devices ORDER BY id");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                devices.add(row(r));
            }
        }
        return devices;
    }

    /**
     * One row. A password that does not decrypt (the key file was lost or replaced) leaves the device without one
     * rather than the hub without any device: the operator sets it again.
     */
    private Loaded row(ResultSet r) throws SQLException {
        String id = r.getString("id");
        DeviceKind kind = DeviceKind.of(r.getString("kind"));
        String sealed = r.getString("password_enc");
        String password = null;
        String problem = null;
        if (sealed != null) {
            try {
                password = secrets.decrypt(id, sealed);
            } catch (IllegalArgumentException e) {
                problem = e.getMessage() + "; set the password again (PATCH /api/devices/" + id + ")";
            }
        }
        try {
            DeviceSpec spec = DeviceJson.storedSpec(kind, r.getString("spec_json"), password);
            return new Loaded(new Device(id, r.getString("name"), spec, r.getString("serial"),
                    r.getString("pinned_sha256"), new ReceiverTokens(r.getString("push_token"), r.getString("auth_token")),
                    Instant.ofEpochMilli(r.getLong("created_at")), Instant.ofEpochMilli(r.getLong("updated_at"))), problem);
        } catch (DecodeException e) {
            throw new SQLException("device " + id + " cannot be read: " + e.getMessage(), e);
        }
    }

    void insert(Device d) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement("INSERT INTO devices (id, kind,"
                + " name, spec_json, password_enc, serial, pinned_sha256, push_token, auth_token, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, d.id());
            s.setString(2, d.kind().label());
            bindChangeable(s, 3, d);
            s.setString(8, d.tokens().push());
            s.setString(9, d.tokens().auth());
            s.setLong(10, d.createdAt().toEpochMilli());
            s.setLong(11, d.updatedAt().toEpochMilli());
            database.inTurn(s::executeUpdate);
        }
    }

    /** Writes everything of {@code d} that may change; false when no such device is stored. */
    boolean update(Device d) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement("UPDATE devices SET name = ?,"
                + " spec_json = ?, password_enc = ?, serial = ?, pinned_sha256 = ?, updated_at = ? WHERE id = ?")) {
            bindChangeable(s, 1, d);
            s.setLong(6, d.updatedAt().toEpochMilli());
            s.setString(7, d.id());
            return database.inTurn(s::executeUpdate) == 1;
        }
    }

    private void bindChangeable(PreparedStatement s, int first, Device d) throws SQLException {
        s.setString(first, d.name());
        s.setString(first + 1, new String(Json.standard().write(DeviceJson.spec(d.spec())), StandardCharsets.UTF_8));
        String password = d.spec() instanceof TerminalSpec t ? t.password() : null;
        s.setString(first + 2, password == null ? null : secrets.encrypt(d.id(), password));
        s.setString(first + 3, d.serial());
        s.setString(first + 4, d.pinnedSha256());
    }

    boolean delete(String id) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement("DELETE FROM devices WHERE id = ?")) {
            s.setString(1, id);
            return database.inTurn(s::executeUpdate) == 1;
        }
    }
}
