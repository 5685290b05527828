package io.gatehouse.simulator;

import io.gatehouse.simulator.roster.Credential;
import io.gatehouse.simulator.roster.Person;
import io.gatehouse.simulator.roster.PersonType;
import io.gatehouse.simulator.roster.Roster;
import io.gatehouse.simulator.terminal.Terminal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Rosters and little steps the terminal tests share. */
public final class TestSites {
    /** A person in no group, as the remote-authorization sample shows one ({@code groups: []}). */
    public static final String UNGROUPED = "900";

    private TestSites() {
    }

    /** The standard roster plus {@link #UNGROUPED}. */
    public static Roster roster() {
        List<Person> people = new ArrayList<>(Roster.standard(Instant.now()).people());
        people.add(new Person(UNGROUPED, "科恩", PersonType.EMPLOYEE, Credential.FACE, "", "", "", "", null, null, List.of()));
        return new Roster(people);
    }

    /** Points the terminal's record push at {@code url}, through its Web API as the hub would. */
    public static void subscribe(TerminalClient client, String url) {
        TerminalClient.Reply reply = client.post("/v1/event/subscribe", client.basic(),
                "{\"event_dest\":\"" + url + "\",\"enabled\":true}");
        if (reply.code() != 200) {
            throw new AssertionError("subscribe refused: " + reply.body());
        }
    }

    /** Switches the terminal to {@code auth_mode} with the given address and fall-back minutes. */
    public static void authMode(TerminalClient client, int mode, String address, int fallbackMinutes) {
        TerminalClient.Reply reply = client.post("/v1/device/functions", client.basic(),
                "{\"auth_mode\":" + mode + ",\"remote_authentication_address\":\"" + address
                        + "\",\"remote_auth_timeout_to_local_auth\":" + fallbackMinutes + "}");
        if (reply.code() != 200) {
            throw new AssertionError("functions refused: " + reply.body());
        }
    }

    public static Terminal byVersion(SimulatedSite site, String version) {
        return site.terminals().stream().filter(t -> t.version().equals(version)).findFirst().orElseThrow();
    }
}
