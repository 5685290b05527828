package io.gatehouse.server.access.directory;

import io.gatehouse.core.policy.answer.TipCatalog;
import io.gatehouse.core.policy.directory.DoorSettings;
import io.gatehouse.core.policy.directory.FailMode;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.FieldWriter;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The strict side of the admin API's JSON: ids, names, zones, enumerations and settings, each refused with the
 * field and the reason. Unlike the device decoders this reader refuses unknown fields: an operator's typo
 * ({@code validUnitl}) must not silently drop a restriction.
 */
final class Fields {
    static final int MAX_TEXT = 200;
    static final Set<String> SETTINGS = Set.of("minScore", "maxTemperature", "maskRequired", "failMode", "language");

    private Fields() {
    }

    static void refuseUnknown(FieldReader r, Set<String> known) throws DecodeException {
        for (var names = r.node().fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new DecodeException(r.pathOf(name), "unknown field; expected one of " + new java.util.TreeSet<>(known));
            }
        }
    }

    static String id(FieldReader r, String name) throws DecodeException {
        return checkedId(r, name, r.string(name));
    }

    static String optId(FieldReader r, String name) throws DecodeException {
        String value = r.optString(name);
        return value == null || value.isEmpty() ? null : checkedId(r, name, value);
    }

    static List<String> ids(FieldReader r, String name) throws DecodeException {
        List<String> values = r.optStrings(name);
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            checkedId(r, name + "[" + i + "]", values.get(i));
        }
        if (Set.copyOf(values).size() != values.size()) {
            throw new DecodeException(r.pathOf(name), "lists an entry twice");
        }
        return values;
    }

    private static String checkedId(FieldReader r, String name, String value) throws DecodeException {
        if (!EntityId.valid(value)) {
            throw new DecodeException(r.pathOf(name), EntityId.RULE);
        }
        return value;
    }

    static String optText(FieldReader r, String name) throws DecodeException {
        String value = r.optString(name);
        if (value != null && (value.length() > MAX_TEXT || value.chars().anyMatch(Character::isISOControl))) {
            throw new DecodeException(r.pathOf(name), "text of at most " + MAX_TEXT + " characters, without control characters");
        }
        return value == null || value.isBlank() ? null : value;
    }

    static ZoneId zone(FieldReader r, String name, boolean required) throws DecodeException {
        String value = required ? r.string(name) : r.optString(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new DecodeException(r.pathOf(name), "not a time zone; use a region id such as Europe/Berlin");
        }
    }

    static Instant optInstant(FieldReader r, String name) throws DecodeException {
        String value = r.optString(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeException e) {
            throw new DecodeException(r.pathOf(name), "expected an instant such as 2026-03-02T09:00:00Z");
        }
    }

    /** An enumeration written in lower case with dashes ({@code fail-open}); case and dash/underscore tolerated. */
    static <E extends Enum<E>> E optEnum(FieldReader r, String name, Class<E> type, List<E> allowed) throws DecodeException {
        String value = r.optString(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        for (E candidate : allowed) {
            if (candidate.name().equalsIgnoreCase(value.replace('-', '_'))) {
                return candidate;
            }
        }
        throw new DecodeException(r.pathOf(name), "expected one of " + allowed.stream().map(Fields::label).toList());
    }

    static String label(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Double optRange(FieldReader r, String name, double min, double max) throws DecodeException {
        Double value = r.optDouble(name);
        if (value != null && (value < min || value > max)) {
            throw new DecodeException(r.pathOf(name), "must be between " + min + " and " + max);
        }
        return value;
    }

    static DoorSettings settings(FieldReader parent) throws DecodeException {
        FieldReader r = parent.optObject("settings");
        if (r == null) {
            return DoorSettings.NONE;
        }
        refuseUnknown(r, SETTINGS);
        String language = r.optString("language");
        if (language != null && !TipCatalog.isLanguage(language)) {
            throw new DecodeException(r.pathOf("language"), "a language code such as en, zh or pt-BR");
        }
        return new DoorSettings(
                optRange(r, "minScore", 0, 1),
                optRange(r, "maxTemperature", 30, 45),
                r.optBoolean("maskRequired"),
                optEnum(r, "failMode", FailMode.class, List.of(FailMode.values())),
                language);
    }

    static FieldWriter settings(DoorSettings s) {
        return FieldWriter.object().put("minScore", s.minScore()).put("maxTemperature", s.maxTemperature())
                .put("maskRequired", s.maskRequired()).put("failMode", label(s.failMode())).put("language", s.language());
    }

    /** Turns a domain constructor's refusal into the API's field-and-reason error. */
    static DecodeException invalid(FieldReader r, String field, IllegalArgumentException e) {
        return new DecodeException(field.isEmpty() ? r.path() : r.pathOf(field), e.getMessage());
    }
}
