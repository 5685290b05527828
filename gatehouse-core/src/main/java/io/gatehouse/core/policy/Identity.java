package io.gatehouse.core.policy;

import io.gatehouse.core.event.Group;
import io.gatehouse.core.event.Person;
import io.gatehouse.core.event.PersonType;
import io.gatehouse.core.event.ValidityWindow;
import io.gatehouse.core.policy.directory.Directory;
import io.gatehouse.core.policy.directory.DirectoryPerson;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is at the door, as the decision sees them: the request names the person ({@code user_id}); the directory
 * says what they may do. Where the two disagree, the directory wins for everything that grants access (type,
 * groups, validity window), because it is the system of record the operator edits while a terminal's library is
 * a copy that may be stale; but a blacklisting from either side stands, because turning somebody's "no" into a
 * "yes" is the one mistake an access system must not make. Each disagreement is kept as a note.
 *
 * @param entry the directory's person; {@code null} when the directory does not know the id
 */
public record Identity(String personId, String name, PersonType type, boolean blacklisted, String blacklistedBy,
                       List<String> groupIds, ValidityWindow window, DirectoryPerson entry, List<String> notes) {

    public boolean known() {
        return entry != null;
    }

    static Identity resolve(Person asked, Directory directory) {
        DirectoryPerson entry = directory.person(asked.id());
        boolean terminalBlacklists = asked.type() == PersonType.BLACKLISTED;
        if (entry == null) {
            // unknown to the hub: only the request can say anything, and only restrictions will be used
            return new Identity(asked.id(), asked.name(), asked.type(), terminalBlacklists,
                    terminalBlacklists ? "terminal" : null, List.of(), asked.visitorWindow(), null, List.of());
        }
        boolean directoryBlacklists = entry.type() == PersonType.BLACKLISTED;
        String by = directoryBlacklists ? "directory" : terminalBlacklists ? "terminal" : null;
        return new Identity(entry.id(), entry.name() != null ? entry.name() : asked.name(), entry.type(),
                by != null, by, entry.groupIds(), entry.validity(), entry, disagreements(asked, entry));
    }

    private static List<String> disagreements(Person asked, DirectoryPerson entry) {
        List<String> notes = new ArrayList<>(0);
        if (DirectoryPerson.TYPES.contains(asked.type()) && asked.type() != entry.type()) {
            notes.add("type: terminal says " + asked.type() + ", directory says " + entry.type() + "; "
                    + (asked.type() == PersonType.BLACKLISTED ? "the terminal's blacklisting stands"
                    : "the directory wins"));
        }
        if (asked.visitorWindow() != null && !asked.visitorWindow().equals(entry.validity())) {
            notes.add("validity: terminal says " + describe(asked.visitorWindow()) + ", directory says "
                    + describe(entry.validity()) + "; the directory wins");
        }
        Set<String> askedGroups = new TreeSet<>();
        for (Group group : asked.groups()) {
            askedGroups.add(group.id() != null ? group.id() : String.valueOf(group.name()));
        }
        if (!askedGroups.isEmpty() && !askedGroups.equals(new TreeSet<>(entry.groupIds()))) {
            notes.add("groups: terminal says " + askedGroups + ", directory says " + new TreeSet<>(entry.groupIds())
                    + "; the directory wins");
        }
        if (asked.name() != null && entry.name() != null && !Objects.equals(asked.name(), entry.name())) {
            notes.add("name: terminal says \"" + asked.name() + "\", directory says \"" + entry.name()
                    + "\"; the directory's name is shown");
        }
        return List.copyOf(notes);
    }

    private static String describe(ValidityWindow window) {
        return window == null ? "none" : "[" + window.from() + ", " + window.until() + "]";
    }
}
