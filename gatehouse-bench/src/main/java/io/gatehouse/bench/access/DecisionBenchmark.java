package io.gatehouse.bench.access;

import io.gatehouse.core.event.AccessEvent;
import io.gatehouse.core.event.PersonType;
import io.gatehouse.core.normalize.EventNormalizer;
import io.gatehouse.core.normalize.Origin;
import io.gatehouse.core.policy.AccessPolicy;
import io.gatehouse.core.policy.Decision;
import io.gatehouse.core.policy.PassbackLedger;
import io.gatehouse.core.policy.Verdict;
import io.gatehouse.core.policy.answer.TipCatalog;
import io.gatehouse.core.policy.authorize.AuthorizerSettings;
import io.gatehouse.core.policy.authorize.CurrentDirectory;
import io.gatehouse.core.policy.authorize.RemoteAuthorizer;
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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The remote-authorization decision on a realistic directory: 10,000 people in 50 groups, 200 doors on one
 * Berlin site, a rule per group at 20 doors on office hours with holidays, anti-passback on 10 door pairs.
 * {@code policy} is the pure pipeline; {@code authorizer} adds what every request pays on top: the decision
 * record, the budget timer (scheduled and cancelled), the tip, the ledger and the log hand-off.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class DecisionBenchmark {
    private static final int PEOPLE = 10_000;
    private static final int GROUPS = 50;
    private static final int DOORS = 200;
    private static final Instant TUESDAY_10_BERLIN = Instant.parse("2026-03-03T09:00:00Z");

    private Directory directory;
    private AccessEvent[] requests;
    private final AccessPolicy policy = new AccessPolicy();
    private final PassbackLedger ledger = new PassbackLedger();
    private RemoteAuthorizer authorizer;
    private ScheduledExecutorService timer;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        directory = Directory.of(entries(), TipCatalog.BUILT_IN_ONLY);
        Random random = new Random(42);
        requests = new AccessEvent[4096];
        for (int i = 0; i < requests.length; i++) {
            requests[i] = request("PSC-" + random.nextInt(DOORS), "p" + random.nextInt(PEOPLE));
        }
        CurrentDirectory current = new CurrentDirectory();
        current.publish(directory);
        timer = RemoteAuthorizer.deadlineTimer();
        authorizer = new RemoteAuthorizer(current, null, d -> CompletableFuture.completedFuture(null),
                Clock.fixed(TUESDAY_10_BERLIN, ZoneOffset.UTC), timer, AuthorizerSettings.defaults());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        timer.shutdownNow();
    }

    @Benchmark
    public Verdict policy() {
        return policy.decide(requests[next++ & (requests.length - 1)], directory, ledger, TUESDAY_10_BERLIN);
    }

    @Benchmark
    public Decision authorizer() {
        return authorizer.authorize(requests[next++ & (requests.length - 1)], System.nanoTime()).join();
    }

    private static List<DirectoryEntry> entries() {
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

    private static AccessEvent request(String device, String userId) throws Exception {
        String json = """
                {"deviceSN":"%s","recognizeStatus":2,"recognizeScore":0.91,"entry_mode":1,"mask":2,"rgb_image":"",
                 "bodyTemperature":36.5,"timestamp":1772528400,"qrcode_content":"",
                 "user":{"name":"Person","user_id":"%s","type":1,"ic_number":"","id_number":"","job_number":"",
                         "remark":"","pin":"","guest_time_start":0,"guest_time_end":0,"groups":[]}}
                """.formatted(device, userId);
        byte[] wire = json.getBytes(StandardCharsets.UTF_8);
        return (AccessEvent) EventNormalizer.standard().normalize(ProtocolCodec.standard().decode(wire).message(),
                ProtocolCodec.standard().parse(wire), Origin.UNKNOWN);
    }
}
