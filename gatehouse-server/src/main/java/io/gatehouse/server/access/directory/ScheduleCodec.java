package io.gatehouse.server.access.directory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.core.policy.directory.WeeklySchedule;
import io.gatehouse.core.policy.schedule.DailyWindow;
import io.gatehouse.core.policy.schedule.ExceptionDay;
import io.gatehouse.core.policy.schedule.Timetable;
import io.gatehouse.core.policy.schedule.WeeklyWindow;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.FieldWriter;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * <pre>{id, name,
 *  weekly: [{days: ["mon", "tue", ...], from: "08:00", until: "18:00"}],
 *  exceptions: [{date: "2026-12-25", name: "Christmas", windows: [{from, until}]}]}</pre>
 * JSON only: a schedule has no flat CSV form.
 */
final class ScheduleCodec implements EntityCodec<WeeklySchedule> {
    private static final int MAX_WINDOWS = 100;
    private static final int MAX_EXCEPTIONS = 1000;

    @Override
    public Class<WeeklySchedule> kind() {
        return WeeklySchedule.class;
    }

    @Override
    public WeeklySchedule read(FieldReader r) throws DecodeException {
        Fields.refuseUnknown(r, Set.of("id", "name", "weekly", "exceptions"));
        List<WeeklyWindow> weekly = r.optObjects("weekly", ScheduleCodec::weeklyWindow);
        List<ExceptionDay> exceptions = r.optObjects("exceptions", ScheduleCodec::exceptionDay);
        if (weekly != null && weekly.size() > MAX_WINDOWS) {
            throw new DecodeException(r.pathOf("weekly"), "at most " + MAX_WINDOWS + " windows");
        }
        if (exceptions != null && exceptions.size() > MAX_EXCEPTIONS) {
            throw new DecodeException(r.pathOf("exceptions"), "at most " + MAX_EXCEPTIONS + " exception days");
        }
        try {
            return new WeeklySchedule(Fields.id(r, "id"), Fields.optText(r, "name"),
                    new Timetable(weekly == null ? List.of() : weekly, exceptions == null ? List.of() : exceptions));
        } catch (IllegalArgumentException e) {
            throw Fields.invalid(r, "exceptions", e);
        }
    }

    private static WeeklyWindow weeklyWindow(FieldReader r) throws DecodeException {
        Fields.refuseUnknown(r, Set.of("days", "from", "until"));
        List<String> names = r.optStrings("days");
        if (names == null || names.isEmpty()) {
            throw new DecodeException(r.pathOf("days"), "at least one day, such as [\"mon\", \"tue\"]");
        }
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (int i = 0; i < names.size(); i++) {
            days.add(day(r, "days[" + i + "]", names.get(i)));
        }
        return new WeeklyWindow(days, window(r));
    }

    private static ExceptionDay exceptionDay(FieldReader r) throws DecodeException {
        Fields.refuseUnknown(r, Set.of("date", "name", "windows"));
        LocalDate date;
        try {
            date = LocalDate.parse(r.string("date"));
        } catch (DateTimeException e) {
            throw new DecodeException(r.pathOf("date"), "expected a date such as 2026-12-25");
        }
        List<DailyWindow> windows = r.optObjects("windows", w -> {
            Fields.refuseUnknown(w, Set.of("from", "until"));
            return window(w);
        });
        return new ExceptionDay(date, Fields.optText(r, "name"), windows == null ? List.of() : windows);
    }

    private static DailyWindow window(FieldReader r) throws DecodeException {
        try {
            return DailyWindow.parse(r.string("from"), r.string("until"));
        } catch (IllegalArgumentException e) {
            throw Fields.invalid(r, "until", e);
        }
    }

    private static DayOfWeek day(FieldReader r, String field, String name) throws DecodeException {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equalsIgnoreCase(name) || day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(name)) {
                return day;
            }
        }
        throw new DecodeException(r.pathOf(field), "expected a day: mon, tue, wed, thu, fri, sat, sun");
    }

    @Override
    public ObjectNode write(WeeklySchedule schedule) {
        List<ObjectNode> weekly = new ArrayList<>();
        for (WeeklyWindow w : schedule.timetable().weekly()) {
            weekly.add(FieldWriter.object()
                    .putStrings("days", EnumSet.copyOf(w.days()).stream()
                            .map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT)).toList())
                    .put("from", DailyWindow.format(w.window().fromSecond()))
                    .put("until", DailyWindow.format(w.window().untilSecond())).build());
        }
        List<ObjectNode> exceptions = new ArrayList<>();
        for (ExceptionDay day : schedule.timetable().exceptions()) {
            exceptions.add(FieldWriter.object().put("date", day.date().toString()).put("name", day.name())
                    .putObjects("windows", day.windows().stream().map(w -> FieldWriter.object()
                            .put("from", DailyWindow.format(w.fromSecond()))
                            .put("until", DailyWindow.format(w.untilSecond())).build()).toList()).build());
        }
        return FieldWriter.object().put("id", schedule.id()).put("name", schedule.name())
                .putObjects("weekly", weekly).putObjects("exceptions", exceptions).build();
    }

    @Override
    public List<String> csvColumns() {
        return List.of();
    }
}
