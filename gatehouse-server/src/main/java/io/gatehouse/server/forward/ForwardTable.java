package io.gatehouse.server.forward;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.server.api.BadParameter;
import io.gatehouse.server.api.EventQuery;
import io.gatehouse.server.db.Database;
import io.gatehouse.server.device.DeviceSecrets;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The {@code forward_targets} table. Blocking: call it from a worker (or at start and stop). */
final class ForwardTable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> FILTER = new TypeReference<>() {
    };

    private final Database database;
    private final DeviceSecrets secrets;

    ForwardTable(Database database, DeviceSecrets secrets) {
        this.database = database;
        this.secrets = secrets;
    }

    List<ForwardTarget> all() throws SQLException {
        List<ForwardTarget> targets = new ArrayList<>();
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement("SELECT id, url, secret_sealed,"
                + " filter, enabled, cursor, created_at, updated_at, topic, username FROM forward_targets ORDER BY id");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                targets.add(read(r));
            }
        }
        return targets;
    }

    /** Inserts or replaces the target with its id. */
    void save(ForwardTarget t) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO"
                + " forward_targets (id, url, secret_sealed, filter, enabled, cursor, created_at, updated_at, topic,"
                + " username) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, t.id());
            s.setString(2, t.url().toString());
            s.setString(3, secrets.encrypt(sealingContext(t.id()), t.secret()));
            s.setString(4, JSON.writeValueAsString(t.filter()));
            s.setInt(5, t.enabled() ? 1 : 0);
            s.setLong(6, t.cursor());
            s.setLong(7, t.createdAt().toEpochMilli());
            s.setLong(8, t.updatedAt().toEpochMilli());
            s.setString(9, t.topic());
            s.setString(10, t.username());
            database.inTurn(s::executeUpdate);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("cannot write the filter of " + t.id(), e);
        }
    }

    void saveCursor(String id, long cursor) throws SQLException {
        try (Connection c = database.connect();
             PreparedStatement s = c.prepareStatement("UPDATE forward_targets SET cursor = ? WHERE id = ?")) {
            s.setLong(1, cursor);
            s.setString(2, id);
            database.inTurn(s::executeUpdate);
        }
    }

    void delete(String id) throws SQLException {
        try (Connection c = database.connect();
             PreparedStatement s = c.prepareStatement("DELETE FROM forward_targets WHERE id = ?")) {
            s.setString(1, id);
            database.inTurn(s::executeUpdate);
        }
    }

    private ForwardTarget read(ResultSet r) throws SQLException {
        String id = r.getString(1);
        Map<String, String> filter;
        try {
            filter = JSON.readValue(r.getString(4), FILTER);
            return new ForwardTarget(id, URI.create(r.getString(2)), secrets.decrypt(sealingContext(id), r.getString(3)),
                    filter, EventQuery.filter(filter), r.getInt(5) == 1, r.getLong(6), r.getString(9), r.getString(10),
                    Instant.ofEpochMilli(r.getLong(7)), Instant.ofEpochMilli(r.getLong(8)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | BadParameter e) {
            throw new SQLException("forwarding target " + id + " has an unreadable filter: " + e.getMessage(), e);
        }
    }

    /** Binds each sealed secret to its target, so a secret copied to another row does not decrypt. */
    private static String sealingContext(String id) {
        return "forward:" + id;
    }
}
