package io.gatehouse.core.policy.directory;

import io.gatehouse.core.policy.schedule.Timetable;
import java.util.List;

/** A named timetable that access rules refer to ("office hours", "weekends"). */
public record WeeklySchedule(String id, String name, Timetable timetable) implements DirectoryEntry {
    @Override
    public List<Reference> references() {
        return List.of();
    }
}
