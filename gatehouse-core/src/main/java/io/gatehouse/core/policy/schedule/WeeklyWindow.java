package io.gatehouse.core.policy.schedule;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Set;

/** The same daily window on each of the given weekdays (Monday to Friday, 08:00 to 18:00). */
public record WeeklyWindow(Set<DayOfWeek> days, DailyWindow window) {
    public WeeklyWindow {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a weekly window needs at least one day");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    public boolean contains(DayOfWeek day, int secondOfDay) {
        return days.contains(day) && window.contains(secondOfDay);
    }
}
