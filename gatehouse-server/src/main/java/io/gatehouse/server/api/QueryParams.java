package io.gatehouse.server.api;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters of one request, read strictly: an unknown or repeated parameter, an over-long value or a
 * value of the wrong form is a {@link BadParameter} naming the parameter, never silently ignored.
 */
public final class QueryParams {
    static final int MAX_TEXT = 200;

    private final MultiMap params;

    private QueryParams(MultiMap params) {
        this.params = params;
    }

    public static QueryParams of(RoutingContext ctx, Set<String> known) throws BadParameter {
        MultiMap params;
        try {
            params = ctx.queryParams();
        } catch (IllegalArgumentException e) {
            throw new BadParameter("query", "the query string is not valid URL encoding");
        }
        return of(params, known);
    }

    /** Parameters from elsewhere than a query string (a stored filter), held to the same rules. */
    public static QueryParams of(MultiMap params, Set<String> known) throws BadParameter {
        for (String name : params.names()) {
            if (!known.contains(name)) {
                throw new BadParameter(name, "unknown parameter; this endpoint takes " + String.join(", ", new TreeSet<>(known)));
            }
            if (params.getAll(name).size() > 1) {
                throw new BadParameter(name, "given more than once");
            }
        }
        return new QueryParams(params);
    }

    public String text(String name) throws BadParameter {
        String value = params.get(name);
        if (value == null) {
            return null;
        }
        if (value.isEmpty()) {
            throw new BadParameter(name, "empty; leave the parameter out to match any value");
        }
        if (value.length() > MAX_TEXT) {
            throw new BadParameter(name, "longer than " + MAX_TEXT + " characters");
        }
        return value;
    }

    public Instant instant(String name) throws BadParameter {
        String value = text(name);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadParameter(name, "expected an ISO-8601 UTC instant such as 2026-01-01T08:00:00Z");
        }
    }

    public Boolean bool(String name) throws BadParameter {
        String value = text(name);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new BadParameter(name, "expected true or false");
        };
    }

    public Integer integer(String name, int min, int max) throws BadParameter {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw new BadParameter(name, "expected a whole number from " + min + " to " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new BadParameter(name, "expected a whole number from " + min + " to " + max);
        }
    }

    <E extends Enum<E>> E choice(String name, Class<E> type) throws BadParameter {
        String value = text(name);
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        Set<String> names = new TreeSet<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        throw new BadParameter(name, "expected one of " + String.join(", ", names));
    }

    /** A sequence number: a whole number from 0 up. */
    public static long seq(String field, String value) throws BadParameter {
        if (value == null || value.isEmpty() || value.length() > 19 || !value.chars().allMatch(Character::isDigit)) {
            throw new BadParameter(field, "expected an event sequence number (a whole number from 0 up)");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadParameter(field, "expected an event sequence number (a whole number from 0 up)");
        }
    }
}
