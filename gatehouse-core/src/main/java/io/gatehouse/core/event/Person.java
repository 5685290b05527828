package io.gatehouse.core.event;

import java.util.List;

/**
 * The person a device recognised, with what it told about them. A stranger has no id and type
 * {@link PersonType#STRANGER}.
 *
 * @param cards          card numbers (the terminal's {@code ic_number})
 * @param visitorWindow  the visitor's permitted period, when the device sent one
 */
public record Person(
        String id,
        String name,
        PersonType type,
        List<String> cards,
        String jobNumber,
        String idNumber,
        List<Group> groups,
        ValidityWindow visitorWindow,
        String remark) {

    public Person {
        cards = cards == null ? List.of() : List.copyOf(cards);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    public static Person stranger() {
        return new Person(null, null, PersonType.STRANGER, List.of(), null, null, List.of(), null, null);
    }

    public boolean known() {
        return id != null;
    }
}
