package io.gatehouse.core.policy;

import static io.gatehouse.core.policy.Campus.VISIT_FROM;
import static io.gatehouse.core.policy.Campus.VISIT_UNTIL;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.core.policy.directory.Directory;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each row: a terminal asks (the v1.3.0 request on the wire), at an instant of the hub's clock; the policy
 * answers with this reason and names this rule. Local times in the comments are the door's.
 */
class AccessPolicyTest {
    private static final Directory CAMPUS = Campus.directory();
    private static final String MONDAY_10_BERLIN = "2026-03-02T09:00:00Z";

    record Row(String says, TerminalAsks ask, String at, Reason reason, String rule) {
        @Override
        public String toString() {
            return says;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                // the door
                row("an unknown device is no door", ask("PSC-NOWHERE", "anna"), MONDAY_10_BERLIN, Reason.UNKNOWN_DOOR, null),
                row("a known terminal is its door", ask("PSC-MAIN", "anna"), MONDAY_10_BERLIN, Reason.ALLOWED, "r1-staff-main"),
                // blacklist: either side's "no" stands
                row("blacklisted in the directory", ask("PSC-MAIN", "boris"), MONDAY_10_BERLIN, Reason.BLACKLISTED, null),
                row("blacklisted by the terminal, employee in the directory",
                        TerminalAsks.at("PSC-MAIN").person("anna", "Anna", 5), MONDAY_10_BERLIN, Reason.BLACKLISTED, null),
                row("blacklisted by the terminal and unknown to the directory",
                        TerminalAsks.at("PSC-MAIN").person("mallory", "M", 5), MONDAY_10_BERLIN, Reason.BLACKLISTED, null),
                // visitors: before, inside, after their window
                row("visitor one second before the visit", ask("PSC-MAIN", "vera"), at(VISIT_FROM, -1), Reason.OUTSIDE_VALIDITY, null),
                row("visitor at the first second of the visit", ask("PSC-MAIN", "vera"), at(VISIT_FROM, 0), Reason.ALLOWED, "r1-staff-main"),
                row("visitor at the last second of the visit", ask("PSC-MAIN", "vera"), at(VISIT_UNTIL, 0), Reason.ALLOWED, "r1-staff-main"),
                row("visitor one second after the visit", ask("PSC-MAIN", "vera"), at(VISIT_UNTIL, 1), Reason.OUTSIDE_VALIDITY, null),
                row("the directory's window wins over the terminal's expired one",
                        TerminalAsks.at("PSC-MAIN").person("vera", "Vera", 2)
                                .guestWindow(Instant.parse("2026-03-01T09:00:00Z"), Instant.parse("2026-03-01T17:00:00Z")),
                        MONDAY_10_BERLIN, Reason.ALLOWED, "r1-staff-main"),
                row("an unknown visitor's expired window still refuses",
                        TerminalAsks.at("PSC-MAIN").person("walk-in", "W", 2)
                                .guestWindow(Instant.parse("2026-03-01T09:00:00Z"), Instant.parse("2026-03-01T17:00:00Z")),
                        MONDAY_10_BERLIN, Reason.OUTSIDE_VALIDITY, null),
                // schedule edges, in Berlin (CET, UTC+1, on 2 March)
                row("Monday 07:59:59 is before office hours", ask("PSC-MAIN", "anna"), "2026-03-02T06:59:59Z", Reason.OUTSIDE_SCHEDULE, "r1-staff-main"),
                row("Monday 08:00:00 opens office hours", ask("PSC-MAIN", "anna"), "2026-03-02T07:00:00Z", Reason.ALLOWED, "r1-staff-main"),
                row("Monday 17:59:59 is still office hours", ask("PSC-MAIN", "anna"), "2026-03-02T16:59:59Z", Reason.ALLOWED, "r1-staff-main"),
                row("Monday 18:00:00 closes office hours", ask("PSC-MAIN", "anna"), "2026-03-02T17:00:00Z", Reason.OUTSIDE_SCHEDULE, "r1-staff-main"),
                row("Saturday noon has no office hours", ask("PSC-MAIN", "anna"), "2026-03-07T11:00:00Z", Reason.OUTSIDE_SCHEDULE, "r1-staff-main"),
                row("Christmas Day (a Friday) is closed all day", ask("PSC-MAIN", "anna"), "2026-12-25T09:00:00Z", Reason.OUTSIDE_SCHEDULE, "r1-staff-main"),
                row("Christmas Eve 11:59 is open (short day)", ask("PSC-MAIN", "anna"), "2026-12-24T10:59:00Z", Reason.ALLOWED, "r1-staff-main"),
                row("Christmas Eve 12:00 is closed (short day)", ask("PSC-MAIN", "anna"), "2026-12-24T11:00:00Z", Reason.OUTSIDE_SCHEDULE, "r1-staff-main"),
                // midnight, on a site-wide rule (cleaners: 22:00-24:00 and 00:00-06:00 every day, every door of hq)
                row("21:59:59 is before the night shift", ask("PSC-LAB", "bob").mask(2), "2026-03-02T20:59:59Z", Reason.OUTSIDE_SCHEDULE, "r4-cleaners-hq"),
                row("23:59:59 is in the night shift", ask("PSC-LAB", "bob").mask(2), "2026-03-02T22:59:59Z", Reason.ALLOWED, "r4-cleaners-hq"),
                row("00:00:00 is still in the night shift", ask("PSC-MAIN", "bob"), "2026-03-02T23:00:00Z", Reason.ALLOWED, "r4-cleaners-hq"),
                row("06:00:00 ends the night shift", ask("PSC-MAIN", "bob"), "2026-03-03T05:00:00Z", Reason.OUTSIDE_SCHEDULE, "r4-cleaners-hq"),
                // daylight saving in Berlin: 29 March 2026 02:00 CET -> 03:00 CEST; 25 October 03:00 CEST -> 02:00 CET
                row("spring forward: 01:59:59 CET is before the 02:00 round", ask("PSC-MAIN", "gus"), "2026-03-29T00:59:59Z", Reason.OUTSIDE_SCHEDULE, "r8-guards-main"),
                row("spring forward: one second later it is 03:00 CEST, the round never happened", ask("PSC-MAIN", "gus"), "2026-03-29T01:00:00Z", Reason.OUTSIDE_SCHEDULE, "r8-guards-main"),
                row("fall back: 02:30 CEST (first time) is in the round", ask("PSC-MAIN", "gus"), "2026-10-25T00:30:00Z", Reason.ALLOWED, "r8-guards-main"),
                row("fall back: 02:30 CET (second time) is in the round again", ask("PSC-MAIN", "gus"), "2026-10-25T01:30:00Z", Reason.ALLOWED, "r8-guards-main"),
                row("fall back: 03:00 CET ends the round", ask("PSC-MAIN", "gus"), "2026-10-25T02:00:00Z", Reason.OUTSIDE_SCHEDULE, "r8-guards-main"),
                row("06:30Z is 07:30 CET before the change: closed", ask("PSC-MAIN", "anna"), "2026-03-23T06:30:00Z", Reason.OUTSIDE_SCHEDULE, "r1-staff-main"),
                row("06:30Z is 08:30 CEST after the change: open", ask("PSC-MAIN", "anna"), "2026-03-30T06:30:00Z", Reason.ALLOWED, "r1-staff-main"),
                // time zones: the same instant, two sites
                row("00:30Z is 08:30 in Shanghai: open", ask("PSC-SH", "anna"), "2026-03-02T00:30:00Z", Reason.ALLOWED, "r7-staff-sh"),
                row("00:30Z is 01:30 in Berlin: closed", ask("PSC-MAIN", "anna"), "2026-03-02T00:30:00Z", Reason.OUTSIDE_SCHEDULE, "r1-staff-main"),
                // rules
                row("unknown person", ask("PSC-MAIN", "ghost"), MONDAY_10_BERLIN, Reason.UNKNOWN_PERSON, null),
                row("a request that names nobody", TerminalAsks.at("PSC-MAIN"), MONDAY_10_BERLIN, Reason.UNKNOWN_PERSON, null),
                row("known person without any rule here", ask("PSC-MAIN", "carl"), MONDAY_10_BERLIN, Reason.NO_RULE, null),
                row("a deny rule beats the group's allow", ask("PSC-LAB", "dana").mask(2), MONDAY_10_BERLIN, Reason.DENIED_BY_RULE, "r3-dana-lab"),
                row("groups the terminal claims do not grant: the directory's groups apply",
                        TerminalAsks.at("PSC-MAIN").person("carl", "Carl", 1).groups("staff"), MONDAY_10_BERLIN, Reason.NO_RULE, null),
                row("the terminal's stale groups do not take away: the directory's groups apply",
                        TerminalAsks.at("PSC-MAIN").person("anna", "Anna", 1).groups("cleaners"), MONDAY_10_BERLIN, Reason.ALLOWED, "r1-staff-main"),
                row("the terminal says visitor, the directory says employee: the directory wins",
                        TerminalAsks.at("PSC-MAIN").person("anna", "Anna", 2), MONDAY_10_BERLIN, Reason.ALLOWED, "r1-staff-main"),
                // recognition score (site hq needs 0.8)
                row("score 0.79 is below the site's 0.8", ask("PSC-MAIN", "anna").score(0.79), MONDAY_10_BERLIN, Reason.LOW_SCORE, null),
                row("score 0.80 meets the site's 0.8", ask("PSC-MAIN", "anna").score(0.80), MONDAY_10_BERLIN, Reason.ALLOWED, "r1-staff-main"),
                row("a non-live face never passes", ask("PSC-MAIN", "anna").status(1), MONDAY_10_BERLIN, Reason.LOW_SCORE, null),
                row("Shanghai has no score threshold", ask("PSC-SH", "anna").score(0.1), "2026-03-02T02:00:00Z", Reason.ALLOWED, "r7-staff-sh"),
                // body temperature (site hq: at most 37.5)
                row("37.6 °C is above the limit", ask("PSC-MAIN", "anna").temperature(37.6), MONDAY_10_BERLIN, Reason.HIGH_TEMPERATURE, null),
                row("37.5 °C is at the limit", ask("PSC-MAIN", "anna").temperature(37.5), MONDAY_10_BERLIN, Reason.ALLOWED, "r1-staff-main"),
                row("0 means not measured", ask("PSC-MAIN", "anna").temperature(0), MONDAY_10_BERLIN, Reason.ALLOWED, "r1-staff-main"),
                // mask (the lab requires one)
                row("no mask at the lab", ask("PSC-LAB", "anna").mask(1), MONDAY_10_BERLIN, Reason.MASK_ABSENT, null),
                row("mask detection off at the lab counts as absent", ask("PSC-LAB", "anna").mask(0), MONDAY_10_BERLIN, Reason.MASK_ABSENT, null),
                row("mask worn at the lab", ask("PSC-LAB", "anna").mask(2), MONDAY_10_BERLIN, Reason.ALLOWED, "r2-staff-lab"),
                row("no mask needed at the main door", ask("PSC-MAIN", "anna").mask(1), MONDAY_10_BERLIN, Reason.ALLOWED, "r1-staff-main"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decides(Row row) {
        Verdict verdict = new AccessPolicy().decide(row.ask().event(), CAMPUS, new PassbackLedger(), Instant.parse(row.at()));

        assertThat(verdict.reason()).as(verdict.detail()).isEqualTo(row.reason());
        assertThat(verdict.ruleId()).as(verdict.detail()).isEqualTo(row.rule());
        assertThat(verdict.detail()).isNotBlank();
    }

    @Test
    void theStepsRunInTheDocumentedOrder() {
        // blacklisted AND outside the window AND no mask at the lab AND a low score: the first step decides
        TerminalAsks everythingWrong = TerminalAsks.at("PSC-LAB").person("boris", "Boris", 2)
                .guestWindow(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2020-01-02T00:00:00Z"))
                .score(0.1).mask(1).temperature(39.0);
        Verdict verdict = new AccessPolicy().decide(everythingWrong.event(), CAMPUS, new PassbackLedger(),
                Instant.parse(MONDAY_10_BERLIN));
        assertThat(verdict.reason()).isEqualTo(Reason.BLACKLISTED);
    }

    @Test
    void disagreementsAreNotedWithTheSideThatWon() {
        Verdict verdict = new AccessPolicy().decide(TerminalAsks.at("PSC-MAIN").person("anna", "Anne", 2)
                        .groups("cleaners").event(), CAMPUS, new PassbackLedger(), Instant.parse(MONDAY_10_BERLIN));
        assertThat(verdict.identity().notes()).containsExactly(
                "type: terminal says VISITOR, directory says EMPLOYEE; the directory wins",
                "groups: terminal says [cleaners], directory says [staff]; the directory wins",
                "name: terminal says \"Anne\", directory says \"Anna\"; the directory's name is shown");
    }

    @Test
    void antiPassbackRefusesTheSameDirectionTwiceUntilTheOtherDoorOrTheReset() {
        PassbackLedger ledger = new PassbackLedger();
        AccessPolicy policy = new AccessPolicy();
        Instant t0 = Instant.parse(MONDAY_10_BERLIN);
        String[][] walk = {
                // door, minutes after t0, expected
                {"PSC-GIN", "0", "ALLOWED"},
                {"PSC-GIN", "1", "PASSBACK"},     // a second entry: the face let somebody else in
                {"PSC-GOUT", "2", "ALLOWED"},
                {"PSC-GOUT", "3", "PASSBACK"},
                {"PSC-GIN", "4", "ALLOWED"},
                {"PSC-GIN", String.valueOf(4 + 12 * 60), "ALLOWED"}, // the pair forgets after 12 hours
        };
        for (String[] step : walk) {
            Instant now = t0.plusSeconds(60L * Integer.parseInt(step[1]));
            Verdict verdict = policy.decide(ask(step[0], "anna").event(), CAMPUS, ledger, now);
            assertThat(verdict.reason()).as(step[0] + " at +" + step[1] + " min").hasToString(step[2]);
            if (verdict.reason() == Reason.PASSBACK) {
                assertThat(verdict.ruleId()).isEqualTo("garage");
            }
            if (verdict.reason().pass()) {
                ledger.passed(CAMPUS.pairsAt(verdict.door()), verdict.door(), "anna", now);
            }
        }
    }

    @Test
    void anSeBoxCameraIsItsOwnDoor() {
        assertThat(CAMPUS.doorOf("BOX-1", "cam-7").id()).isEqualTo("dock");
        assertThat(CAMPUS.doorOf("BOX-1", null)).isNull();
        assertThat(CAMPUS.doorOf("BOX-1", "cam-8")).isNull();
    }

    @Test
    void schedulesReadTheDoorsWallClock() {
        var office = CAMPUS.get(io.gatehouse.core.policy.directory.WeeklySchedule.class, "office").timetable();
        assertThat(office.isOpen(LocalDateTime.parse("2026-03-02T08:00:00"))).isTrue();
        // 11:00Z is noon in Berlin and 19:00 in Shanghai
        assertThat(office.isOpen(Instant.parse("2026-03-02T11:00:00Z"), Campus.BERLIN)).isTrue();
        assertThat(office.isOpen(Instant.parse("2026-03-02T11:00:00Z"), Campus.SHANGHAI)).isFalse();
    }

    private static TerminalAsks ask(String device, String personId) {
        var person = CAMPUS.person(personId);
        int type = person == null ? 1 : switch (person.type()) {
            case VISITOR -> 2;
            case BLACKLISTED -> 5;
            default -> 1;
        };
        return TerminalAsks.at(device).person(personId, person == null ? personId : person.name(), type);
    }

    private static String at(Instant base, long seconds) {
        return base.plusSeconds(seconds).toString();
    }

    private static Row row(String says, TerminalAsks ask, String at, Reason reason, String rule) {
        return new Row(says, ask, at, reason, rule);
    }
}
