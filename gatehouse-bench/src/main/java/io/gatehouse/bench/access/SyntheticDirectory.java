package io.gatehouse.bench.access;

import io.gatehouse.core.event.AccessEvent;
import io.gatehouse.core.event.PersonType;
import io.gatehouse.core.normalize.EventNormalizer;
import io.gatehouse.core.normalize.Origin;
import io.gatehouse.core.policy.answer.TipCatalog;
import io.gatehouse.core.policy.directory.AccessGroup;
import io.gatehouse.core.policy.directory.AccessRule;
import io.gatehouse.core.policy.directory.Directory;
import io.gatehouse.core.policy.directory.DirectoryEntry;
import io.gatehouse.core.policy.directory.DirectoryPerson;
import io.gatehouse.core.policy.directory.Door;
import io.gatehouse.core.policy.directory.DoorSettings;
import io.gatehouse.core.policy.directory.Effect;
import io.gatehouse.core.policy.directory.PassbackPair;
import io.gatehouse.core.policy.directory.Site;
import io.gatehouse.core.policy.directory.WeeklySchedule;
import io.gatehouse.core.policy.schedule.DailyWindow;
import io.gatehouse.core.policy.schedule.ExceptionDay;
import io.gatehouse.core.policy.schedule.Timetable;
import io.gatehouse.core.policy.schedule.WeeklyWindow;
import io.gatehouse.protocol.ProtocolCodec;
import io.gatehouse.protocol.json.DecodeException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

/**
 * A directory of a realistic size for the access benchmarks: 10,000 people in 50 groups (two each), 200 doors
 * on one Berlin site, 20 group rules per group on office hours with holidays, anti-passback on 10 door pairs,
 * one visitor in a hundred; and terminal requests (decoded and normalized like the hub does) of random people at
 * random doors — a mix of allowed and refused.
 */
public final class SyntheticDirectory {
    public static final int PEOPLE = 10_000;
    public static final int GROUPS = 50;
    public static final int DOORS = 200;
    public static final Instant TUESDAY_10_BERLIN = Instant.parse("2026-03-03T09:00:00Z");

    private SyntheticDirectory() {
    }

    public static Directory directory() {
        return Directory.of(entries(), TipCatalog.BUILT_IN_ONLY);
    }

    /** {@code count} requests of random people at random doors, reproducible from {@code seed}. */
    public static AccessEvent[] requests(int count, long seed) {
        Random random = new Random(seed);
        AccessEvent[] requests = new AccessEvent[count];
        for (int i = 0; i < count; i++) {
            requests[i] = request("PSC-" + random.nextInt(DOORS), "p" + random.nextInt(PEOPLE));
        }
        return requests;
    }

    static List<DirectoryEntry> entries() {
        List<DirectoryEntry> entries = new ArrayList<>();
        entries.add(new Site("hq", "HQ", ZoneId.of("Europe/Berlin"), new DoorSettings(0.8, 37.5, null, null, null)));
        entries.add(new WeeklySchedule("office", "Office", new Timetable(
                List.of(new WeeklyWindow(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), DailyWindow.parse("07:00", "20:00"))),
                List.of(new ExceptionDay(LocalDate.of(2026, 12, 25), "Christmas", List.of()),
                        new ExceptionDay(LocalDate.of(2026, 1, 1), "New year", List.of())))));
        for (int d = 0; d < DOORS; d++) {
            entries.add(new Door("d" + d, "Door " + d, "hq", "PSC-" + d, null, null, null));
        }
        for (int g = 0; g < GROUPS; g++) {
            entries.add(new AccessGroup("g" + g, "Group " + g));
            for (int k = 0; k < 20; k++) {
                entries.add(new AccessRule("r" + g + "-" + k, null, "g" + g, "d" + ((g * 7 + k) % DOORS), null, "office",
                        Effect.ALLOW));
            }
        }
        for (int p = 0; p < PEOPLE; p++) {
            entries.add(new DirectoryPerson("p" + p, "Person " + p, p % 100 == 0 ? PersonType.VISITOR : PersonType.EMPLOYEE,
                    List.of("C" + p), null, null, List.of("g" + (p % GROUPS), "g" + ((p / GROUPS) % GROUPS)),
                    null, p % 100 == 0 ? Instant.parse("2026-06-01T00:00:00Z") : null));
        }
        for (int i = 0; i < 10; i++) {
            entries.add(new PassbackPair("pair" + i, "d" + (2 * i), "d" + (2 * i + 1), Duration.ofHours(12)));
        }
        return entries;
    }

    static AccessEvent request(String device, String userId) {
        String json = """
                {"deviceSN":"%s","recognizeStatus":2,"recognizeScore":0.91,"entry_mode":1,"mask":2,"rgb_image":"",
                 "bodyTemperature":36.5,"timestamp":1772528400,"qrcode_content":"",
                 "user":{"name":"Person","user_id":"%s","type":1,"ic_number":"","id_number":"","job_number":"",
                         "remark":"","pin":"","guest_time_start":0,"guest_time_end":0,"groups":[]}}
                """.formatted(device, userId);
        byte[] wire = json.getBytes(StandardCharsets.UTF_8);
        try {
            return (AccessEvent) EventNormalizer.standard().normalize(ProtocolCodec.standard().decode(wire).message(),
                    ProtocolCodec.standard().parse(wire), Origin.UNKNOWN);
        } catch (DecodeException e) {
            throw new IllegalStateException("the benchmark built an undecodable request", e);
        }
    }
}
