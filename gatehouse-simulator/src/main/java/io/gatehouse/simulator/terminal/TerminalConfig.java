package io.gatehouse.simulator.terminal;

import io.gatehouse.protocol.sense.SenseVersion;
import io.gatehouse.protocol.sense.SubscribeConfig;
import io.gatehouse.simulator.device.DeviceCertificate;
import io.gatehouse.simulator.device.DeviceTiming;
import io.gatehouse.simulator.roster.Roster;

/**
 * One emulated terminal.
 *
 * @param port            8000 on a real terminal; 0 picks a free port (tests)
 * @param tls             HTTPS with {@code certificate} (the default) or plain HTTP
 * @param rate            recognitions per second it produces by itself; 0 = only when asked
 * @param cacheCapacity   offline cache size (50,000 documented)
 * @param historyCapacity records kept for {@code /v1/event/records}
 * @param subscription    a push destination configured at start, or {@code null} (the hub configures it)
 * @param seed            seed of its random walk-ups, so a run can be repeated
 * @param distinctSnapshots each recognition's face snapshot its own image, as a real capture is
 */
public record TerminalConfig(String serial, String model, SenseVersion version, String address, int port, boolean tls,
                             String username, String password, double rate, Roster roster, DeviceTiming timing,
                             int cacheCapacity, int historyCapacity, DeviceCertificate certificate,
                             SubscribeConfig subscription, long seed, boolean distinctSnapshots) {
    public static final int DOCUMENTED_PORT = 8000;
    public static final int DOCUMENTED_CACHE = 50_000;
    public static final String MODEL = "SenseNebula-Pass-S7";

    public TerminalConfig {
        if (tls && certificate == null) {
            throw new IllegalArgumentException("a TLS terminal needs a certificate");
        }
        if (rate < 0) {
            throw new IllegalArgumentException("rate must not be negative");
        }
    }

    public String scheme() {
        return tls ? "https" : "http";
    }
}
