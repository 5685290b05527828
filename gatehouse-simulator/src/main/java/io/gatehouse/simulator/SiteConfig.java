package io.gatehouse.simulator;

import io.gatehouse.protocol.sense.SenseVersion;
import io.gatehouse.protocol.sophon.SophonVersion;
import io.gatehouse.simulator.device.DeviceTiming;
import io.gatehouse.simulator.roster.Roster;
import io.gatehouse.simulator.sophon.SeBoxConfig;
import io.gatehouse.simulator.terminal.TerminalConfig;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

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
 * @param distinctSnapshots each terminal capture's face snapshot its own image, as a camera's is (see
 *                          {@link io.gatehouse.simulator.device.FaceImages#faceBase64(String, String)}); off by
 *                          default, so that a large fleet shares a few images instead of holding one per record
 */
public record SiteConfig(int terminals, int boxes, int camerasPerBox, double rate, String username, String password,
                         boolean tls, String firstAddress, List<SenseVersion> terminalVersions,
                         SophonVersion boxVersion, Roster roster, DeviceTiming timing, int terminalPort,
                         int boxRestPort, int boxWebSocketPort, int cacheCapacity, int historyCapacity,
                         String eventDest, long seed, boolean distinctSnapshots) {

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
                SophonVersion.V5, Roster.standard(Instant.now()), DeviceTiming.DOCUMENTED, TerminalConfig.DOCUMENTED_PORT,
                SeBoxConfig.DOCUMENTED_REST_PORT, SeBoxConfig.DOCUMENTED_WEBSOCKET_PORT, TerminalConfig.DOCUMENTED_CACHE,
                10_000, null, 1L, false);
    }

    /** Defaults for tests: free ports on 127.0.0.1 and fast clocks. */
    public static SiteConfig forTests() {
        return defaults().withFirstAddress("127.0.0.1").withPorts(0, 0, 0).withTiming(DeviceTiming.fast());
    }

    public SiteConfig withDevices(int terminalCount, int boxCount, int cameras) {
        return edit(d -> {
            d.terminals = terminalCount;
            d.boxes = boxCount;
            d.camerasPerBox = cameras;
        });
    }

    public SiteConfig withRate(double perSecond) {
        return edit(d -> d.rate = perSecond);
    }

    public SiteConfig withCredentials(String user, String pass) {
        return edit(d -> {
            d.username = user;
            d.password = pass;
        });
    }

    public SiteConfig withTls(boolean on) {
        return edit(d -> d.tls = on);
    }

    public SiteConfig withFirstAddress(String address) {
        return edit(d -> d.firstAddress = address);
    }

    public SiteConfig withVersions(List<SenseVersion> terminal, SophonVersion box) {
        return edit(d -> {
            d.terminalVersions = terminal;
            d.boxVersion = box;
        });
    }

    public SiteConfig withRoster(Roster people) {
        return edit(d -> d.roster = people);
    }

    public SiteConfig withTiming(DeviceTiming clocks) {
        return edit(d -> d.timing = clocks);
    }

    public SiteConfig withPorts(int terminal, int rest, int webSocket) {
        return edit(d -> {
            d.terminalPort = terminal;
            d.boxRestPort = rest;
            d.boxWebSocketPort = webSocket;
        });
    }

    public SiteConfig withCapacities(int cache, int history) {
        return edit(d -> {
            d.cacheCapacity = cache;
            d.historyCapacity = history;
        });
    }

    public SiteConfig withEventDest(String url) {
        return edit(d -> d.eventDest = url);
    }

    public SiteConfig withDistinctSnapshots(boolean on) {
        return edit(d -> d.distinctSnapshots = on);
    }

    private SiteConfig edit(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.build();
    }

    /** A mutable copy, so that each {@code with...} method names only what it changes. */
    private static final class Draft {
        int terminals;
        int boxes;
        int camerasPerBox;
        double rate;
        String username;
        String password;
        boolean tls;
        String firstAddress;
        List<SenseVersion> terminalVersions;
        SophonVersion boxVersion;
        Roster roster;
        DeviceTiming timing;
        int terminalPort;
        int boxRestPort;
        int boxWebSocketPort;
        int cacheCapacity;
        int historyCapacity;
        String eventDest;
        long seed;
        boolean distinctSnapshots;

        Draft(SiteConfig c) {
            terminals = c.terminals;
            boxes = c.boxes;
            camerasPerBox = c.camerasPerBox;
            rate = c.rate;
            username = c.username;
            password = c.password;
            tls = c.tls;
            firstAddress = c.firstAddress;
            terminalVersions = c.terminalVersions;
            boxVersion = c.boxVersion;
            roster = c.roster;
            timing = c.timing;
            terminalPort = c.terminalPort;
            boxRestPort = c.boxRestPort;
            boxWebSocketPort = c.boxWebSocketPort;
            cacheCapacity = c.cacheCapacity;
            historyCapacity = c.historyCapacity;
            eventDest = c.eventDest;
            seed = c.seed;
            distinctSnapshots = c.distinctSnapshots;
        }

        SiteConfig build() {
            return new SiteConfig(terminals, boxes, camerasPerBox, rate, username, password, tls, firstAddress,
                    terminalVersions, boxVersion, roster, timing, terminalPort, boxRestPort, boxWebSocketPort,
                    cacheCapacity, historyCapacity, eventDest, seed, distinctSnapshots);
        }
    }
}
