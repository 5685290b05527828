package io.gatehouse.server.store;

import io.gatehouse.core.store.EventFilter;
import java.util.ArrayList;
import java.util.List;

/** The SQL condition of an {@link EventFilter}, with its parameters in order. Values are always bound, never spliced. */
record FilterSql(String where, List<Object> parameters) {

    static FilterSql of(EventFilter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        add(conditions, parameters, "occurred_at >= ?", filter.from() == null ? null : filter.from().toEpochMilli());
        add(conditions, parameters, "occurred_at < ?", filter.until() == null ? null : filter.until().toEpochMilli());
        add(conditions, parameters, "device_id = ?", filter.deviceId());
        add(conditions, parameters, "device_serial = ?", filter.serial());
        add(conditions, parameters, "person_id = ?", filter.personId());
        add(conditions, parameters, "person_name LIKE ? ESCAPE '\\'",
                filter.personName() == null ? null : "%" + escapeLike(filter.personName()) + "%");
        add(conditions, parameters, "type = ?", filter.type() == null ? null : filter.type().label());
        add(conditions, parameters, "kind = ?", filter.kind() == null ? null : filter.kind().name());
        add(conditions, parameters, "channel = ?", filter.channel() == null ? null : filter.channel().name());
        add(conditions, parameters, "passed = ?", filter.passed() == null ? null : filter.passed() ? 1 : 0);
        if (filter.late() != null) {
            conditions.add(filter.late() ? "late_by_ms IS NOT NULL" : "late_by_ms IS NULL");
        }
        add(conditions, parameters, "alarm_code = ?", filter.alarmCode());
        add(conditions, parameters, "alarm_status = ?", filter.alarmStatus());
        return new FilterSql(conditions.isEmpty() ? "1 = 1" : String.join(" AND ", conditions), parameters);
    }

    private static void add(List<String> conditions, List<Object> parameters, String condition, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.add(value);
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
