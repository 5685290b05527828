package io.gatehouse.core.policy;

import io.gatehouse.core.event.PersonType;
import io.gatehouse.core.policy.answer.TipCatalog;
import io.gatehouse.core.policy.directory.AccessGroup;
import io.gatehouse.core.policy.directory.AccessRule;
import io.gatehouse.core.policy.directory.Directory;
import io.gatehouse.core.policy.directory.DirectoryEntry;
import io.gatehouse.core.policy.directory.DirectoryPerson;
import io.gatehouse.core.policy.directory.Door;
import io.gatehouse.core.policy.directory.DoorSettings;
import io.gatehouse.core.policy.directory.Effect;
import io.gatehouse.core.policy.directory.FailMode;
import io.gatehouse.core.policy.directory.PassbackPair;
import io.gatehouse.core.policy.directory.Site;
import io.gatehouse.core.policy.directory.WeeklySchedule;
import io.gatehouse.core.policy.schedule.DailyWindow;
import io.gatehouse.core.policy.schedule.ExceptionDay;
import io.gatehouse.core.policy.schedule.Timetable;
import io.gatehouse.core.policy.schedule.WeeklyWindow;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

/**
 * The directory the policy tests run against: a Berlin head office (a zone with daylight saving) and a
 * Shanghai office (no daylight saving), with the people, rules and schedules each test row names.
 */
final class Campus {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant VISIT_FROM = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant VISIT_UNTIL = Instant.parse("2026-03-02T16:00:00Z");

    private Campus() {
    }

    static Directory directory() {
        return Directory.of(entries(), TipCatalog.BUILT_IN_ONLY);
    }

    static List<DirectoryEntry> entries() {
        EnumSet<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        EnumSet<DayOfWeek> everyDay = EnumSet.allOf(DayOfWeek.class);
        return List.of(
                new Site("hq", "Head office", BERLIN, new DoorSettings(0.8, 37.5, null, null, null)),
                new Site("sh", "Shanghai office", SHANGHAI, new DoorSettings(null, null, null, FailMode.FAIL_OPEN, "zh")),
                new Door("main", "Main entrance", "hq", "PSC-MAIN", null, null, null),
                new Door("lab", "Lab", "hq", "PSC-LAB", null, null, new DoorSettings(null, null, true, null, null)),
                new Door("garage-in", "Garage in", "hq", "PSC-GIN", null, null, null),
                new Door("garage-out", "Garage out", "hq", "PSC-GOUT", null, null, null),
                new Door("sh-lobby", "Lobby", "sh", "PSC-SH", null, null, null),
                new Door("dock", "Loading dock", "hq", "BOX-1", "cam-7", null, null),
                new AccessGroup("staff", "Staff"),
                new AccessGroup("cleaners", "Cleaners"),
                new AccessGroup("guards", "Guards"),
                new WeeklySchedule("office", "Office hours", new Timetable(
                        List.of(new WeeklyWindow(weekdays, DailyWindow.parse("08:00", "18:00"))),
                        List.of(new ExceptionDay(LocalDate.of(2026, 12, 25), "Christmas", List.of()),
                                new ExceptionDay(LocalDate.of(2026, 12, 24), "Christmas Eve",
                                        List.of(DailyWindow.parse("08:00", "12:00")))))),
                new WeeklySchedule("night", "Night shift", new Timetable(List.of(
                        new WeeklyWindow(everyDay, DailyWindow.parse("22:00", "24:00")),
                        new WeeklyWindow(everyDay, DailyWindow.parse("00:00", "06:00"))), List.of())),
                new WeeklySchedule("sunday-2am", "Sunday 02:00 round", new Timetable(List.of(
                        new WeeklyWindow(EnumSet.of(DayOfWeek.SUNDAY), DailyWindow.parse("02:00", "03:00"))), List.of())),
                person("anna", "Anna", PersonType.EMPLOYEE, null, null, "staff"),
                person("bob", "Bob", PersonType.EMPLOYEE, null, null, "cleaners"),
                person("vera", "Vera", PersonType.VISITOR, VISIT_FROM, VISIT_UNTIL, "staff"),
                person("boris", "Boris", PersonType.BLACKLISTED, null, null, "staff"),
                person("carl", "Carl", PersonType.EMPLOYEE, null, null),
                person("dana", "Dana", PersonType.EMPLOYEE, null, null, "staff"),
                person("gus", "Gus", PersonType.EMPLOYEE, null, null, "guards"),
                person("kohn", "科恩", PersonType.EMPLOYEE, null, null, "staff"),
                rule("r1-staff-main", "staff", null, "main", null, "office", Effect.ALLOW),
                rule("r2-staff-lab", "staff", null, "lab", null, null, Effect.ALLOW),
                rule("r3-dana-lab", null, "dana", "lab", null, null, Effect.DENY),
                rule("r4-cleaners-hq", "cleaners", null, null, "hq", "night", Effect.ALLOW),
                rule("r5-staff-garage-in", "staff", null, "garage-in", null, null, Effect.ALLOW),
                rule("r6-staff-garage-out", "staff", null, "garage-out", null, null, Effect.ALLOW),
                rule("r7-staff-sh", "staff", null, "sh-lobby", null, "office", Effect.ALLOW),
                rule("r8-guards-main", "guards", null, "main", null, "sunday-2am", Effect.ALLOW),
                rule("r9-staff-dock", "staff", null, "dock", null, null, Effect.ALLOW),
                new PassbackPair("garage", "garage-in", "garage-out", Duration.ofHours(12)));
    }

    static DirectoryPerson person(String id, String name, PersonType type, Instant from, Instant until, String... groups) {
        return new DirectoryPerson(id, name, type, List.of(), null, null, List.of(groups), from, until);
    }

    private static AccessRule rule(String id, String group, String person, String door, String site, String schedule,
                                   Effect effect) {
        return new AccessRule(id, person, group, door, site, schedule, effect);
    }
}
