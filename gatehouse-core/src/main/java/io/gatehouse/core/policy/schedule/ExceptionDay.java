package io.gatehouse.core.policy.schedule;

import java.time.LocalDate;
import java.util.List;

/**
 * A date on which the weekly pattern does not apply (a public holiday, a company event): its own windows
 * replace the weekly ones for that whole local date; no windows means closed all day.
 */
public record ExceptionDay(LocalDate date, String name, List<DailyWindow> windows) {
    public ExceptionDay {
        windows = List.copyOf(windows);
    }

    public boolean contains(int secondOfDay) {
        for (DailyWindow window : windows) {
            if (window.contains(secondOfDay)) {
                return true;
            }
        }
        return false;
    }
}
