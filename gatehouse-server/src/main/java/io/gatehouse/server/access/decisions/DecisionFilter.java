package io.gatehouse.server.access.decisions;

import io.gatehouse.core.policy.Reason;
import io.gatehouse.core.policy.Step;
import io.gatehouse.server.api.ApiRefusal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The filters of {@code GET /api/access/decisions}: a time range on the hub's clock, device, door, person,
 * outcome, step, reason, fail-mode; newest first, paged with {@code before} (the {@code seq} of the last row seen).
 */
public record DecisionFilter(Instant from, Instant until, String device, String door, String person, Boolean pass,
                             Step step, Reason reason, Boolean failMode, Long before, int limit) {
    public static final int MAX_LIMIT = 1000;
    static final Set<String> PARAMETERS = Set.of("from", "until", "device", "door", "person", "pass", "step", "reason",
            "failMode", "before", "limit");

    /** Reads the query parameters; an unknown or malformed one is a 400 naming it. */
    public static DecisionFilter parse(Set<String> names, Function<String, String> param) {
        for (String name : names) {
            if (!PARAMETERS.contains(name)) {
                throw new ApiRefusal(400, name, "unknown filter; expected one of " + new java.util.TreeSet<>(PARAMETERS));
            }
        }
        return new DecisionFilter(instant(param, "from"), instant(param, "until"), text(param, "device"),
                text(param, "door"), text(param, "person"), bool(param, "pass"),
                named(param, "step", Step.class), named(param, "reason", Reason.class), bool(param, "failMode"),
                whole(param, "before", 1, Long.MAX_VALUE), whole(param, "limit", 1, MAX_LIMIT, 100).intValue());
    }

    /** The WHERE clause (possibly empty) and its values, in order. */
    String where(List<Object> values) {
        List<String> conditions = new ArrayList<>();
        add(conditions, values, "decided_at >= ?", from == null ? null : from.toEpochMilli());
        add(conditions, values, "decided_at < ?", until == null ? null : until.toEpochMilli());
        add(conditions, values, "device_serial = ?", device);
        add(conditions, values, "door_id = ?", door);
        add(conditions, values, "person_id = ?", person);
        add(conditions, values, "pass = ?", pass == null ? null : pass ? 1 : 0);
        add(conditions, values, "step = ?", step == null ? null : step.name());
        add(conditions, values, "reason = ?", reason == null ? null : reason.name());
        add(conditions, values, "fail_mode = ?", failMode == null ? null : failMode ? 1 : 0);
        add(conditions, values, "seq < ?", before);
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void add(List<String> conditions, List<Object> values, String condition, Object value) {
        if (value != null) {
            conditions.add(condition);
            values.add(value);
        }
    }

    private static String text(Function<String, String> param, String name) {
        String value = param.apply(name);
        if (value != null && (value.isEmpty() || value.length() > 256)) {
            throw new ApiRefusal(400, name, "between 1 and 256 characters");
        }
        return value;
    }

    private static Instant instant(Function<String, String> param, String name) {
        String value = param.apply(name);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeException e) {
            throw new ApiRefusal(400, name, "expected an instant such as 2026-03-02T09:00:00Z");
        }
    }

    private static Boolean bool(Function<String, String> param, String name) {
        String value = param.apply(name);
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new ApiRefusal(400, name, "expected true or false");
        }
        return Boolean.parseBoolean(value);
    }

    private static <E extends Enum<E>> E named(Function<String, String> param, String name, Class<E> type) {
        String value = param.apply(name);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ApiRefusal(400, name, "expected one of " + List.of(type.getEnumConstants()));
        }
    }

    private static Long whole(Function<String, String> param, String name, long min, long max) {
        return whole(param, name, min, max, null);
    }

    private static Long whole(Function<String, String> param, String name, long min, long max, Integer otherwise) {
        String value = param.apply(name);
        if (value == null) {
            return otherwise == null ? null : otherwise.longValue();
        }
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ApiRefusal(400, name, "expected a whole number from " + min + " to " + max);
    }
}
