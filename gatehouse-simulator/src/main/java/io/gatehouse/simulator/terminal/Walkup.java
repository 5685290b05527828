package io.gatehouse.simulator.terminal;

import io.gatehouse.simulator.roster.Credential;
import io.gatehouse.simulator.roster.Person;
import java.time.Instant;

/**
 * Someone at the terminal: a library person or a stranger ({@code person == null}), with what the camera
 * measured. Everything random about a recognition is drawn once, here.
 *
 * @param temperature body temperature in °C
 */
record Walkup(Person person, Credential credential, Instant at, double score, double liveness, int mask,
              double temperature, String uuid) {

    boolean stranger() {
        return person == null;
    }

    String personId() {
        return person == null ? "stranger" : person.id();
    }
}
