package io.gatehouse.core.event;

import java.time.Instant;

/** A visitor's permitted period; either end may be open. */
public record ValidityWindow(Instant from, Instant until) {
    public boolean contains(Instant time) {
        return (from == null || !time.isBefore(from)) && (until == null || !time.isAfter(until));
    }
}
