package io.gatehouse.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Consecutive addresses in 127.0.0.0/8, one per device: Linux routes the whole block to loopback with no
 * set-up, so each emulated device can own its documented ports like a real one on a site network. Host parts
 * 0 and 255 are skipped so that no address looks like a network or broadcast address.
 */
public final class LoopbackAddresses {
    private LoopbackAddresses() {
    }

    public static List<String> from(String first, int count) {
        String[] parts = first.split("\\.");
        if (parts.length != 4 || !"127".equals(parts[0])) {
            throw new IllegalArgumentException("the first address must be in 127.0.0.0/8, found " + first);
        }
        int value;
        try {
            value = (Integer.parseInt(parts[1]) << 16) | (Integer.parseInt(parts[2]) << 8) | Integer.parseInt(parts[3]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an IPv4 address: " + first);
        }
        List<String> addresses = new ArrayList<>(count);
        while (addresses.size() < count) {
            if (value > 0xFFFFFF) {
                throw new IllegalArgumentException("127.0.0.0/8 has no room for " + count + " devices from " + first);
            }
            int host = value & 0xFF;
            if (host != 0 && host != 255) {
                addresses.add("127." + ((value >> 16) & 0xFF) + "." + ((value >> 8) & 0xFF) + "." + host);
            }
            value++;
        }
        return addresses;
    }
}
