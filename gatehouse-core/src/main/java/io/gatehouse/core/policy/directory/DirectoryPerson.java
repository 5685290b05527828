package io.gatehouse.core.policy.directory;

import io.gatehouse.core.event.PersonType;
import io.gatehouse.core.event.ValidityWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A person as the hub's directory knows them. {@code id} is the terminal's {@code user_id}: the request names
 * the person by it. {@code type} is {@link PersonType#EMPLOYEE}, {@link PersonType#VISITOR} or
 * {@link PersonType#BLACKLISTED}. The validity window applies to anyone who has one (a visitor's visit, a
 * contractor's contract).
 */
public record DirectoryPerson(String id, String name, PersonType type, List<String> cards, String jobNumber,
                              String idNumber, List<String> groupIds, Instant validFrom, Instant validUntil)
        implements DirectoryEntry {
    public static final List<PersonType> TYPES = List.of(PersonType.EMPLOYEE, PersonType.VISITOR, PersonType.BLACKLISTED);

    public DirectoryPerson {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("a directory person is an employee, a visitor or blacklisted, not " + type);
        }
        cards = cards == null ? List.of() : List.copyOf(cards);
        groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
    }

    /** The window, or {@code null} when the person has none. */
    public ValidityWindow validity() {
        return validFrom == null && validUntil == null ? null : new ValidityWindow(validFrom, validUntil);
    }

    @Override
    public List<Reference> references() {
        List<Reference> references = new ArrayList<>(groupIds.size());
        for (int i = 0; i < groupIds.size(); i++) {
            references.add(new Reference("groupIds[" + i + "]", AccessGroup.class, groupIds.get(i)));
        }
        return references;
    }
}
