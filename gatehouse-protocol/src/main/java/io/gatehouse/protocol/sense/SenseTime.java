package io.gatehouse.protocol.sense;

import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;

/** The terminal's timestamps: record times in Unix seconds, visitor windows and alarms in milliseconds. */
final class SenseTime {
    /** Anything above this as "seconds" would be after the year 5138: it is milliseconds sent by mistake. */
    static final long SECONDS_CEILING = 100_000_000_000L;

    private SenseTime() {
    }

    /** A required Unix-seconds field; a value in milliseconds is noted, not refused. */
    static long seconds(FieldReader r, String name) throws DecodeException {
        long value = r.longValue(name);
        if (value < 0) {
            throw new DecodeException(r.pathOf(name), "expected Unix seconds, found the negative number " + value);
        }
        if (value >= SECONDS_CEILING) {
            r.notes().add(r.pathOf(name) + ": " + value + " looks like milliseconds where seconds are documented");
        }
        return value;
    }
}
