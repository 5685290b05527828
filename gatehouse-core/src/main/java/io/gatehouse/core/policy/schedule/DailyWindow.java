package io.gatehouse.core.policy.schedule;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * A stretch of local wall-clock time within one day, from {@code from} (inclusive) to {@code until}
 * (exclusive), in seconds of the day. {@code until} may be 86,400 ("24:00") so that a window can run to
 * midnight; a window never crosses midnight: write {@code 22:00-24:00} on one day and {@code 00:00-06:00}
 * on the next, so that each day reads on its own.
 */
public record DailyWindow(int fromSecond, int untilSecond) {
    public static final int DAY = 86_400;
    public static final DailyWindow WHOLE_DAY = new DailyWindow(0, DAY);

    public DailyWindow {
        if (fromSecond < 0 || untilSecond > DAY || fromSecond >= untilSecond) {
            throw new IllegalArgumentException("a window runs forward within one day (00:00 to 24:00), found "
                    + format(fromSecond) + "-" + format(untilSecond));
        }
    }

    /** Parses {@code "HH:MM"} or {@code "HH:MM:SS"}; {@code "24:00"} is the end of the day. */
    public static int parseTime(String text) {
        if ("24:00".equals(text) || "24:00:00".equals(text)) {
            return DAY;
        }
        try {
            return LocalTime.parse(text).toSecondOfDay();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected a time of day such as 08:00 or 24:00, found \"" + text + "\"");
        }
    }

    public static DailyWindow parse(String from, String until) {
        return new DailyWindow(parseTime(from), parseTime(until));
    }

    public static String format(int secondOfDay) {
        if (secondOfDay == DAY) {
            return "24:00";
        }
        LocalTime time = LocalTime.ofSecondOfDay(secondOfDay);
        return time.getSecond() == 0 ? String.format("%02d:%02d", time.getHour(), time.getMinute()) : time.toString();
    }

    public boolean contains(int secondOfDay) {
        return secondOfDay >= fromSecond && secondOfDay < untilSecond;
    }

    @Override
    public String toString() {
        return format(fromSecond) + "-" + format(untilSecond);
    }
}
