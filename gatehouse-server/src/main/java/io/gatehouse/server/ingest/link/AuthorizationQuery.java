package io.gatehouse.server.ingest.link;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.json.FieldWriter;
import io.gatehouse.protocol.json.Json;
import io.gatehouse.server.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads remote authorizations as a story: asked (the request, and the stored {@code AUTHORIZATION_REQUEST} event),
 * answered (allow or deny, by which step and rule, with which tip, in how long, or by the fail-mode), and what
 * happened at the door (the linked passage record: opened or not). Newest first. Blocking: run it on a worker.
 */
public final class AuthorizationQuery {
    private static final String SELECT = "SELECT d.seq, d.id, d.decided_at, d.request_time, d.device_serial, d.door_id,"
            + " d.person_id, d.person_name, d.pass, d.step, d.reason, d.rule_id, d.verify_code, d.tip, d.fail_mode,"
            + " d.elapsed_us, d.detail, p.seq, p.passed, p.occurred_at, p.device_id, p.channel,"
            + " (SELECT min(q.seq) FROM events q WHERE q.kind = 'AUTHORIZATION_REQUEST' AND q.device_serial = d.device_serial"
            + "   AND q.occurred_at = d.request_time AND q.person_id IS d.person_id)"
            + " FROM access_decision d LEFT JOIN events p ON p.dedupe_key = d.passage_key";

    /**
     * Which authorizations to show; {@code null} fields match anything.
     *
     * @param linked true: only those whose passage record is linked; false: only those still without one
     * @param before continue below this decision seq (the {@code next} of the previous page)
     */
    public record Filter(String serial, String personId, Boolean pass, Boolean linked, Instant from, Instant until,
                         Long before, int limit) {
    }

    private final Database database;

    public AuthorizationQuery(Database database) {
        this.database = database;
    }

    public ObjectNode find(Filter f) throws SQLException {
        List<Object> values = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        condition(where, values, "d.device_serial = ?", f.serial());
        condition(where, values, "d.person_id = ?", f.personId());
        condition(where, values, "d.pass = ?", f.pass() == null ? null : f.pass() ? 1 : 0);
        condition(where, values, "d.decided_at >= ?", f.from() == null ? null : f.from().toEpochMilli());
        condition(where, values, "d.decided_at < ?", f.until() == null ? null : f.until().toEpochMilli());
        condition(where, values, "d.seq < ?", f.before());
        if (f.linked() != null) {
            where.append(f.linked() ? " AND d.passage_key IS NOT NULL" : " AND d.passage_key IS NULL");
        }
        values.add(f.limit() + 1);
        ObjectNode page = Json.object();
        ArrayNode items = page.putArray("authorizations");
        Long next = null;
        try (Connection c = database.decisionLog().connectAttaching(database, "hub");
             PreparedStatement s = c.prepareStatement(SELECT + where + " ORDER BY d.seq DESC LIMIT ?")) {
            for (int i = 0; i < values.size(); i++) {
                s.setObject(i + 1, values.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (items.size() == f.limit()) {
                        next = items.get(items.size() - 1).path("seq").longValue();
                        break;
                    }
                    items.add(row(r));
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

    private static void condition(StringBuilder where, List<Object> values, String sql, Object value) {
        if (value != null) {
            where.append(" AND ").append(sql);
            values.add(value);
        }
    }

    private static ObjectNode row(ResultSet r) throws SQLException {
        boolean pass = r.getInt(9) == 1;
        boolean failMode = r.getInt(15) == 1;
        long elapsedMicros = r.getLong(16);
        String rule = r.getString(12);
        long passageSeq = r.getLong(18);
        boolean linked = !r.wasNull();
        Boolean opened = linked ? bool(r, 19) : null;
        long requestSeq = r.getLong(23);
        Long requestEvent = r.wasNull() ? null : requestSeq;
        int code = r.getInt(13);
        Integer verifyCode = r.wasNull() ? null : code;
        return FieldWriter.object()
                .put("seq", r.getLong(1))
                .put("decisionId", r.getString(2))
                .put("summary", summary(r, pass, failMode, rule, elapsedMicros, linked, opened))
                .put("asked", FieldWriter.object()
                        .put("at", instant(r, 4))
                        .put("deviceSerial", r.getString(5))
                        .put("doorId", r.getString(6))
                        .put("personId", r.getString(7))
                        .put("personName", r.getString(8))
                        .put("requestEventSeq", requestEvent))
                .put("answered", FieldWriter.object()
                        .put("at", instant(r, 3))
                        .put("pass", pass)
                        .put("step", r.getString(10))
                        .put("reason", r.getString(11))
                        .put("ruleId", rule)
                        .put("verifyCode", verifyCode)
                        .put("tip", r.getString(14))
                        .put("failMode", failMode)
                        .put("elapsedMillis", elapsedMicros / 1000.0)
                        .put("detail", r.getString(17)))
                .put("door", linked ? FieldWriter.object()
                        .put("linked", true)
                        .put("opened", opened)
                        .put("passageEventSeq", passageSeq)
                        .put("passageAt", instant(r, 20))
                        .put("deviceId", r.getString(21))
                        .put("channel", r.getString(22))
                        : FieldWriter.object().put("linked", false))
                .build();
    }

    /** "asked 08:00:00Z → allowed by rule staff-main in 1.4 ms → door opened" */
    private static String summary(ResultSet r, boolean pass, boolean failMode, String rule, long elapsedMicros,
                                  boolean linked, Boolean opened) throws SQLException {
        String answered = failMode ? (pass ? "allowed" : "denied") + " by the fail-mode (" + r.getString(11) + ")"
                : (pass ? "allowed" : "denied") + (rule != null ? " by rule " + rule
                        : " at step " + r.getString(10) + " (" + r.getString(11) + ")");
        String door = !linked ? "no passage record linked yet"
                : opened == null ? "passage record says nothing about the door"
                : opened ? "door opened" : "door stayed shut";
        return "asked " + instant(r, 4) + " → " + answered + " in "
                + String.format(Locale.ROOT, "%.1f ms", elapsedMicros / 1000.0) + " → " + door;
    }

    private static String instant(ResultSet r, int column) throws SQLException {
        long millis = r.getLong(column);
        return r.wasNull() ? null : Instant.ofEpochMilli(millis).toString();
    }

    private static Boolean bool(ResultSet r, int column) throws SQLException {
        int value = r.getInt(column);
        return r.wasNull() ? null : value == 1;
    }
}
