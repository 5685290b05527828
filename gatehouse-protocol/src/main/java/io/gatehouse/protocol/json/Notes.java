package io.gatehouse.protocol.json;

import java.util.ArrayList;
import java.util.List;

/**
 * What a tolerant decode accepted but thought worth reporting: unknown codes, unknown fields kept,
 * a timestamp that looked like milliseconds. Bounded, because a hostile payload could produce many.
 */
public final class Notes {
    private static final int MAX = 50;
    private final List<String> lines = new ArrayList<>();
    private int dropped;

    public void add(String line) {
        if (lines.size() < MAX) {
            lines.add(line);
        } else {
            dropped++;
        }
    }

    public List<String> lines() {
        if (dropped == 0) {
            return List.copyOf(lines);
        }
        List<String> all = new ArrayList<>(lines);
        all.add("... and " + dropped + " more");
        return List.copyOf(all);
    }
}
