package io.gatehouse.server.access.directory;

import io.gatehouse.core.policy.answer.TipCatalog;
import io.gatehouse.core.policy.directory.AccessGroup;
import io.gatehouse.core.policy.directory.AccessRule;
import io.gatehouse.core.policy.directory.Directory;
import io.gatehouse.core.policy.directory.DirectoryEntry;
import io.gatehouse.core.policy.directory.DirectoryPerson;
import io.gatehouse.core.policy.directory.Door;
import io.gatehouse.core.policy.directory.PassbackPair;
import io.gatehouse.core.policy.directory.Site;
import io.gatehouse.core.policy.directory.WeeklySchedule;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.Json;
import io.gatehouse.protocol.json.Notes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The directory's tables: each entry is its API document plus the key columns the database checks. Every
 * method works inside the caller's connection and transaction.
 */
final class DirectoryTables {
    private static final Map<Class<? extends DirectoryEntry>, String> TABLES = Map.of(
            Site.class, "access_site", AccessGroup.class, "access_group", WeeklySchedule.class, "access_schedule",
            Door.class, "access_door", DirectoryPerson.class, "access_person", AccessRule.class, "access_rule",
            PassbackPair.class, "access_passback");

    private final Json json = Json.standard();

    Directory load(Connection c, int screenLength) throws SQLException {
        List<DirectoryEntry> entries = new ArrayList<>();
        for (EntityCodec<?> codec : Codecs.ALL) {
            try (PreparedStatement s = c.prepareStatement("SELECT id, doc FROM " + TABLES.get(codec.kind()));
                 ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    entries.add(decode(codec, rows.getString(1), rows.getString(2)));
                }
            }
        }
        return Directory.of(entries, loadTips(c, screenLength));
    }

    private DirectoryEntry decode(EntityCodec<?> codec, String id, String doc) {
        try {
            return codec.read(FieldReader.root(json.parse(doc), new Notes()));
        } catch (DecodeException e) {
            throw new IllegalStateException("stored " + TABLES.get(codec.kind()) + " " + id + " no longer reads: "
                    + e.getMessage(), e);
        }
    }

    private static TipCatalog loadTips(Connection c, int screenLength) throws SQLException {
        Map<String, Map<String, String>> overrides = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT language, outcome, template FROM access_tip");
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                overrides.computeIfAbsent(rows.getString(1), k -> new HashMap<>()).put(rows.getString(2), rows.getString(3));
            }
        }
        return new TipCatalog(overrides, screenLength);
    }

    void upsert(Connection c, DirectoryEntry entry) throws SQLException {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("id", entry.id());
        keyColumns(entry, columns);
        columns.put("doc", new String(json.write(Codecs.of(entry.getClass()).writeEntry(entry)),
                java.nio.charset.StandardCharsets.UTF_8));
        String names = String.join(", ", columns.keySet());
        String updates = columns.keySet().stream().filter(k -> !k.equals("id"))
                .map(k -> k + " = excluded." + k).collect(Collectors.joining(", "));
        // ON CONFLICT DO UPDATE, never INSERT OR REPLACE: a replace deletes the row and cascades to its children
        execute(c, "INSERT INTO " + TABLES.get(entry.getClass()) + " (" + names + ") VALUES ("
                + "?, ".repeat(columns.size() - 1) + "?) ON CONFLICT (id) DO UPDATE SET " + updates,
                columns.values().toArray());
        if (entry instanceof DirectoryPerson person) {
            execute(c, "DELETE FROM access_person_group WHERE person_id = ?", person.id());
            for (String group : person.groupIds()) {
                execute(c, "INSERT INTO access_person_group (person_id, group_id) VALUES (?, ?)", person.id(), group);
            }
            execute(c, "DELETE FROM access_person_card WHERE person_id = ?", person.id());
            for (String card : person.cards()) {
                execute(c, "INSERT INTO access_person_card (card, person_id) VALUES (?, ?)", card, person.id());
            }
        }
    }

    private static void keyColumns(DirectoryEntry entry, Map<String, Object> columns) {
        if (entry instanceof Door door) {
            columns.put("site_id", door.siteId());
            columns.put("device_serial", door.deviceSerial());
            columns.put("camera_id", door.cameraId() == null ? "" : door.cameraId());
        } else if (entry instanceof DirectoryPerson person) {
            columns.put("type", Fields.label(person.type()));
        } else if (entry instanceof AccessRule rule) {
            columns.put("person_id", rule.personId());
            columns.put("group_id", rule.groupId());
            columns.put("door_id", rule.doorId());
            columns.put("site_id", rule.siteId());
            columns.put("schedule_id", rule.scheduleId());
            columns.put("effect", Fields.label(rule.effect()));
        } else if (entry instanceof PassbackPair pair) {
            columns.put("entry_door_id", pair.entryDoorId());
            columns.put("exit_door_id", pair.exitDoorId());
        }
    }

    /** @return whether a row was deleted */
    boolean delete(Connection c, Class<? extends DirectoryEntry> kind, String id) throws SQLException {
        return execute(c, "DELETE FROM " + TABLES.get(kind) + " WHERE id = ?", id) > 0;
    }

    void replaceTips(Connection c, Map<String, Map<String, String>> overrides) throws SQLException {
        execute(c, "DELETE FROM access_tip");
        for (var language : overrides.entrySet()) {
            for (var tip : language.getValue().entrySet()) {
                execute(c, "INSERT INTO access_tip (language, outcome, template) VALUES (?, ?, ?)",
                        language.getKey(), tip.getKey(), tip.getValue());
            }
        }
    }

    private static int execute(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            return s.executeUpdate();
        }
    }
}
