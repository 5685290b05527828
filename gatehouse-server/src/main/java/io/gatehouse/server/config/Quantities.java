package io.gatehouse.server.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations ({@code 90d}, {@code 500ms}, ISO-8601 {@code PT1M}) and sizes ({@code 50GB}, {@code 512MiB}) as operators write them. */
final class Quantities {
    private static final Pattern NUMBER_UNIT = Pattern.compile("(\\d{1,15})\\s*([a-z]*)");

    private Quantities() {
    }

    /** @return {@code null} when {@code text} is not a duration */
    static Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) {
            try {
                Duration iso = Duration.parse(t.toUpperCase(Locale.ROOT));
                return iso.isNegative() ? null : iso;
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        Matcher m = NUMBER_UNIT.matcher(t);
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m", "min" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            case "" -> n == 0 ? Duration.ZERO : null; // a bare number has no unit, unless it is nothing
            default -> null;
        };
    }

    /** @return {@code null} when {@code text} is not a size */
    static Long bytes(String text) {
        Matcher m = NUMBER_UNIT.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        long unit = switch (m.group(2)) {
            case "", "b" -> 1L;
            case "kb" -> 1_000L;
            case "mb" -> 1_000_000L;
            case "gb" -> 1_000_000_000L;
            case "tb" -> 1_000_000_000_000L;
            case "kib" -> 1L << 10;
            case "mib" -> 1L << 20;
            case "gib" -> 1L << 30;
            case "tib" -> 1L << 40;
            default -> -1L;
        };
        if (unit < 0 || n > Long.MAX_VALUE / unit) {
            return null;
        }
        return n * unit;
    }
}
