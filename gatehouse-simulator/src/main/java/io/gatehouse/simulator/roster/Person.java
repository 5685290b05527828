package io.gatehouse.simulator.roster;

import java.time.Instant;
import java.util.List;

/**
 * A person in the terminals' face library. Ids are digits so that firmware before v1.2.1, whose
 * {@code user_id} is an integer, can send them.
 *
 * @param credential how this person usually presents themselves
 * @param visitFrom  start of a visitor's window (null: not a visitor)
 * @param visitUntil end of a visitor's window
 */
public record Person(String id, String name, PersonType type, Credential credential, String icNumber,
                     String jobNumber, String idNumber, String pin, Instant visitFrom, Instant visitUntil,
                     List<String> groups) {

    public Person {
        groups = groups == null ? List.of() : List.copyOf(groups);
        icNumber = icNumber == null ? "" : icNumber;
        jobNumber = jobNumber == null ? "" : jobNumber;
        idNumber = idNumber == null ? "" : idNumber;
        pin = pin == null ? "" : pin;
    }

    /** True for everyone but visitors outside their window. */
    public boolean withinWindow(Instant when) {
        if (type != PersonType.VISITOR || visitFrom == null || visitUntil == null) {
            return true;
        }
        return !when.isBefore(visitFrom) && !when.isAfter(visitUntil);
    }
}
