package io.gatehouse.server.device;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.Json;
import io.gatehouse.server.db.Database;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The audit log of what operators did to devices through the API (issue #5: a remote door opening is recorded with
 * who asked). Each entry: when, which device, the action, the actor (the {@code X-Gatehouse-Actor} header an
 * integration or the console sends, else {@code admin}), the caller's address, the details and the outcome.
 * Blocking: call it from a worker.
 */
public final class DeviceAudit {
    private final Database database;

    public DeviceAudit(Database database) {
        this.database = database;
    }

    /** One action and who asked. */
    public record Entry(Instant at, String deviceId, String action, String actor, String remoteAddress,
                        ObjectNode detail, String outcome) {
    }

    public long record(Entry e) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement("INSERT INTO device_audit"
                + " (at, device_id, action, actor, remote_address, detail, outcome) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " RETURNING seq")) {
            s.setLong(1, e.at().toEpochMilli());
            s.setString(2, e.deviceId());
            s.setString(3, e.action());
            s.setString(4, e.actor());
            s.setString(5, e.remoteAddress());
            s.setString(6, new String(Json.standard().write(e.detail()), StandardCharsets.UTF_8));
            s.setString(7, e.outcome());
            return database.inTurn(() -> {
                try (ResultSet keys = s.executeQuery()) {
                    return keys.next() ? keys.getLong(1) : -1;
                }
            });
        }
    }

    /** The newest entries of {@code deviceId} (all devices when {@code null}), newest first. */
    public ArrayNode list(String deviceId, int limit) throws SQLException {
        ArrayNode items = Json.standard().mapper().createArrayNode();
        String where = deviceId == null ? "" : " WHERE device_id = ?";
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement("SELECT seq, at, device_id,"
                + " action, actor, remote_address, detail, outcome FROM device_audit" + where
                + " ORDER BY seq DESC LIMIT ?")) {
            int i = 1;
            if (deviceId != null) {
                s.setString(i++, deviceId);
            }
            s.setInt(i, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ObjectNode item = items.addObject();
                    item.put("seq", r.getLong(1));
                    item.put("at", Instant.ofEpochMilli(r.getLong(2)).toString());
                    item.put("deviceId", r.getString(3));
                    item.put("action", r.getString(4));
                    item.put("actor", r.getString(5));
                    item.put("remoteAddress", r.getString(6));
                    item.set("detail", parse(r.getString(7)));
                    item.put("outcome", r.getString(8));
                }
            }
        }
        return items;
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String json) throws SQLException {
        try {
            return Json.standard().parse(json);
        } catch (DecodeException e) {
            throw new SQLException("an audit entry does not read: " + e.getMessage(), e);
        }
    }
}
