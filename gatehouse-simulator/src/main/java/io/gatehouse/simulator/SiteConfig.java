package io.gatehouse.simulator;

import io.gatehouse.protocol.sense.SenseVersion;
import io.gatehouse.protocol.sophon.SophonVersion;
import io.gatehouse.simulator.device.DeviceTiming;
import io.gatehouse.simulator.roster.Roster;
import java.time.Instant;
import java.util.List;

/**
 * What a {@link SimulatedSite} runs: how many terminals and SE boxes, how busy, which versions, on which
 * addresses and ports. Start from {@link #defaults()} and change what matters with the {@code with...} methods.
 *
 * @param rate              recognitions per second per terminal and per box camera; 0 = only when asked
 * @param terminalVersions  versions given to terminals in turn (terminal i speaks {@code terminalVersions[i % n]})
 * @param terminalPort      8000 documented; 0 picks free ports (tests)
 * @param boxRestPort       5555 documented; 0 picks free ports
 * @param boxWebSocketPort  5679 documented; 0 picks free ports
 * @param eventDest         push destination every terminal starts with, or {@code null}: the hub configures it
 */
public record SiteConfig(int terminals, int boxes, int camerasPerBox, double rate, String username, String password,
                         boolean tls, String firstAddress, List<SenseVersion> terminalVersions,
                         SophonVersion boxVersion, Roster roster, DeviceTiming timing, int terminalPort,
                         int boxRestPort, int boxWebSocketPort, int cacheCapacity, int historyCapacity,
                         String eventDest, long seed) {

    public SiteConfig {
        if (terminals < 0 || boxes < 0 || camerasPerBox < 0) {
            throw new IllegalArgumentException("device counts must not be negative");
        }
        if (rate < 0) {
            throw new IllegalArgumentException("rate must not be negative");
        }
        terminalVersions = List.copyOf(terminalVersions);
        if (terminalVersions.isEmpty()) {
            throw new IllegalArgumentException("at least one terminal version is needed");
        }
    }

    /** One v1.3.0 terminal and nothing else, documented ports from 127.0.1.1, user admin, no automatic walk-ups. */
    public static SiteConfig defaults() {
        return new SiteConfig(1, 0, 2, 0, "admin", "admin", true, "127.0.1.1", List.of(SenseVersion.V1_3_0),
                SophonVersion.V5, Roster.standard(Instant.now()), DeviceTiming.DOCUMENTED, 8000, 5555, 5679,
                50_000, 10_000, null, 1L);
    }

    /** Defaults for tests: free ports on 127.0.0.1 and fast clocks. */
    public static SiteConfig forTests() {
        return defaults().withFirstAddress("127.0.0.1").withPorts(0, 0, 0).withTiming(DeviceTiming.fast());
    }

    public SiteConfig withDevices(int terminalCount, int boxCount, int cameras) {
        return new SiteConfig(terminalCount, boxCount, cameras, rate, username, password, tls, firstAddress,
                terminalVersions, boxVersion, roster, timing, terminalPort, boxRestPort, boxWebSocketPort,
                cacheCapacity, historyCapacity, eventDest, seed);
    }

    public SiteConfig withRate(double perSecond) {
        return new SiteConfig(terminals, boxes, camerasPerBox, perSecond, username, password, tls, firstAddress,
                terminalVersions, boxVersion, roster, timing, terminalPort, boxRestPort, boxWebSocketPort,
                cacheCapacity, historyCapacity, eventDest, seed);
    }

    public SiteConfig withCredentials(String user, String pass) {
        return new SiteConfig(terminals, boxes, camerasPerBox, rate, user, pass, tls, firstAddress,
                terminalVersions, boxVersion, roster, timing, terminalPort, boxRestPort, boxWebSocketPort,
                cacheCapacity, historyCapacity, eventDest, seed);
    }

    public SiteConfig withTls(boolean on) {
        return new SiteConfig(terminals, boxes, camerasPerBox, rate, username, password, on, firstAddress,
                terminalVersions, boxVersion, roster, timing, terminalPort, boxRestPort, boxWebSocketPort,
                cacheCapacity, historyCapacity, eventDest, seed);
    }

    public SiteConfig withFirstAddress(String address) {
        return new SiteConfig(terminals, boxes, camerasPerBox, rate, username, password, tls, address,
                terminalVersions, boxVersion, roster, timing, terminalPort, boxRestPort, boxWebSocketPort,
                cacheCapacity, historyCapacity, eventDest, seed);
    }

    public SiteConfig withVersions(List<SenseVersion> terminal, SophonVersion box) {
        return new SiteConfig(terminals, boxes, camerasPerBox, rate, username, password, tls, firstAddress,
                terminal, box, roster, timing, terminalPort, boxRestPort, boxWebSocketPort,
                cacheCapacity, historyCapacity, eventDest, seed);
    }

    public SiteConfig withRoster(Roster people) {
        return new SiteConfig(terminals, boxes, camerasPerBox, rate, username, password, tls, firstAddress,
                terminalVersions, boxVersion, people, timing, terminalPort, boxRestPort, boxWebSocketPort,
                cacheCapacity, historyCapacity, eventDest, seed);
    }

    public SiteConfig withTiming(DeviceTiming clocks) {
        return new SiteConfig(terminals, boxes, camerasPerBox, rate, username, password, tls, firstAddress,
                terminalVersions, boxVersion, roster, clocks, terminalPort, boxRestPort, boxWebSocketPort,
                cacheCapacity, historyCapacity, eventDest, seed);
    }

    public SiteConfig withPorts(int terminal, int rest, int webSocket) {
        return new SiteConfig(terminals, boxes, camerasPerBox, rate, username, password, tls, firstAddress,
                terminalVersions, boxVersion, roster, timing, terminal, rest, webSocket,
                cacheCapacity, historyCapacity, eventDest, seed);
    }

    public SiteConfig withCapacities(int cache, int history) {
        return new SiteConfig(terminals, boxes, camerasPerBox, rate, username, password, tls, firstAddress,
                terminalVersions, boxVersion, roster, timing, terminalPort, boxRestPort, boxWebSocketPort,
                cache, history, eventDest, seed);
    }

    public SiteConfig withEventDest(String url) {
        return new SiteConfig(terminals, boxes, camerasPerBox, rate, username, password, tls, firstAddress,
                terminalVersions, boxVersion, roster, timing, terminalPort, boxRestPort, boxWebSocketPort,
                cacheCapacity, historyCapacity, url, seed);
    }
}
