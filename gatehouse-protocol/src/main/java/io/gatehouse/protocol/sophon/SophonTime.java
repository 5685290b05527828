package io.gatehouse.protocol.sophon;

import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;

/** The box's timestamps are Unix milliseconds. */
final class SophonTime {
    /** Anything below this as "milliseconds" is before March 1973: it is seconds sent by mistake. */
    static final long MILLIS_FLOOR = 100_000_000_000L;

    private SophonTime() {
    }

    static long millis(FieldReader r, String name) throws DecodeException {
        long value = r.longValue(name);
        if (value < 0) {
            throw new DecodeException(r.pathOf(name), "expected Unix milliseconds, found the negative number " + value);
        }
        if (value < MILLIS_FLOOR) {
            r.notes().add(r.pathOf(name) + ": " + value + " looks like seconds where milliseconds are documented");
        }
        return value;
    }
}
