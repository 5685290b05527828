package io.gatehouse.core.policy.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When a schedule is open, in the local wall-clock time of the door. The instant is converted to the door's
 * zone first, so daylight-saving changes behave as people expect: on the spring-forward night the skipped hour
 * simply never happens, on the fall-back night the repeated hour is inside a window both times.
 */
public final class Timetable {
    private final List<WeeklyWindow> weekly;
    private final List<ExceptionDay> exceptions;
    private final Map<LocalDate, ExceptionDay> byDate;

    public Timetable(List<WeeklyWindow> weekly, List<ExceptionDay> exceptions) {
        this.weekly = List.copyOf(weekly);
        this.exceptions = List.copyOf(exceptions);
        this.byDate = new HashMap<>();
        for (ExceptionDay day : this.exceptions) {
            if (byDate.put(day.date(), day) != null) {
                throw new IllegalArgumentException("the exception day " + day.date() + " is listed twice");
            }
        }
    }

    public List<WeeklyWindow> weekly() {
        return weekly;
    }

    public List<ExceptionDay> exceptions() {
        return exceptions;
    }

    public boolean isOpen(Instant instant, ZoneId zone) {
        return isOpen(LocalDateTime.ofInstant(instant, zone));
    }

    public boolean isOpen(LocalDateTime local) {
        int second = local.toLocalTime().toSecondOfDay();
        ExceptionDay exception = byDate.get(local.toLocalDate());
        if (exception != null) {
            return exception.contains(second);
        }
        for (WeeklyWindow window : weekly) {
            if (window.contains(local.getDayOfWeek(), second)) {
                return true;
            }
        }
        return false;
    }
}
