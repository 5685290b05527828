package io.gatehouse.server.access.decisions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.Json;
import io.gatehouse.server.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the decision log, newest first: {@code {items: [...], next: seq-or-null}}. Blocking; run it on a worker. */
public final class DecisionQuery {
    private final Database database;

    public DecisionQuery(Database database) {
        this.database = database.decisionLog();
    }

    public ObjectNode find(DecisionFilter filter) throws SQLException {
        List<Object> values = new ArrayList<>();
        String sql = "SELECT seq, id, decided_at, request_time, device_serial, camera_id, door_id, person_id, person_name,"
                + " pass, step, reason, rule_id, verify_code, tip, fail_mode, elapsed_us, detail, notes, input, passage_key"
                + " FROM access_decision" + filter.where(values) + " ORDER BY seq DESC LIMIT ?";
        values.add(filter.limit() + 1);
        ObjectNode page = Json.object();
        ArrayNode items = page.putArray("items");
        Long next = null;
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                s.setObject(i + 1, values.get(i));
            }
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    if (items.size() == filter.limit()) {
                        next = items.get(items.size() - 1).get("seq").longValue();
                        break;
                    }
                    items.add(row(rows));
                }
            }
        }
        if (next == null) {
            page.putNull("next");
        } else {
            page.put("next", next);
        }
        return page;
    }

    private static ObjectNode row(ResultSet r) throws SQLException {
        ObjectNode node = Json.object();
        node.put("seq", r.getLong("seq"));
        node.put("id", r.getString("id"));
        node.put("decidedAt", Instant.ofEpochMilli(r.getLong("decided_at")).toString());
        long requestTime = r.getLong("request_time");
        node.put("requestTime", r.wasNull() ? null : Instant.ofEpochMilli(requestTime).toString());
        node.put("deviceSerial", r.getString("device_serial"));
        node.put("cameraId", r.getString("camera_id"));
        node.put("doorId", r.getString("door_id"));
        node.put("personId", r.getString("person_id"));
        node.put("personName", r.getString("person_name"));
        node.put("pass", r.getInt("pass") == 1);
        node.put("step", r.getString("step"));
        node.put("reason", r.getString("reason"));
        node.put("ruleId", r.getString("rule_id"));
        int verifyCode = r.getInt("verify_code");
        if (r.wasNull()) {
            node.putNull("verifyCode");
        } else {
            node.put("verifyCode", verifyCode);
        }
        node.put("tip", r.getString("tip"));
        node.put("failMode", r.getInt("fail_mode") == 1);
        node.put("elapsedMicros", r.getLong("elapsed_us"));
        node.put("detail", r.getString("detail"));
        node.set("notes", stored(r.getString("notes")));
        node.set("input", stored(r.getString("input")));
        node.put("passageKey", r.getString("passage_key"));
        return node;
    }

    private static com.fasterxml.jackson.databind.JsonNode stored(String json) throws SQLException {
        try {
            return Json.standard().parse(json);
        } catch (DecodeException e) {
            throw new SQLException("a stored decision does not read: " + e.getMessage(), e);
        }
    }
}
