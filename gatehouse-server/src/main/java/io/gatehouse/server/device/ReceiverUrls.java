package io.gatehouse.server.device;

import io.gatehouse.server.ingest.auth.RemoteAuthReceiver;
import io.gatehouse.server.ingest.push.RecordPushReceiver;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The addresses devices reach the hub's receivers at: the public base URL plus each device's secret path. The base
 * is {@code public-url} when configured (the only reliable choice behind NAT or a proxy). Otherwise it is derived:
 * the bind address with the port when the hub listens on one address, else this machine's first site-local IPv4
 * address, else loopback. A loopback base is checked against each device: a terminal elsewhere on the network could
 * never reach it, and the device's status says so.
 */
public final class ReceiverUrls {
    private final String base;
    private final boolean configured;

    private ReceiverUrls(String base, boolean configured) {
        this.base = base;
        this.configured = configured;
    }

    /** @param publicUrl the configured {@code public-url}, or {@code null} */
    public static ReceiverUrls resolve(String publicUrl, String bindHost, int port) {
        if (publicUrl != null) {
            return new ReceiverUrls(publicUrl, true);
        }
        String host = wildcard(bindHost) ? siteAddress().orElse("127.0.0.1") : bindHost;
        return new ReceiverUrls("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port, false);
    }

    public String base() {
        return base;
    }

    public boolean configured() {
        return configured;
    }

    public String push(Device device) {
        return base + RecordPushReceiver.PATH + device.tokens().push();
    }

    public String auth(Device device) {
        return base + RemoteAuthReceiver.PATH + device.tokens().auth();
    }

    /** Why {@code device} may not reach its receivers; empty when nothing is wrong that the hub can tell. */
    public List<String> warnings(Device device) {
        if (!(device.spec() instanceof TerminalSpec) || !loopback(URI.create(base).getHost())
                || loopback(device.spec().host())) {
            return List.of();
        }
        return List.of("the hub's public URL " + base + " is a loopback address, but the device is at "
                + device.spec().host() + " and cannot reach it: set public-url to an address the device can reach");
    }

    /** Whether {@code host} names this machine only: a 127/8 or ::1 literal, or localhost (no DNS lookup). */
    static boolean loopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false; // a host name: only the device's resolver knows
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static boolean wildcard(String bindHost) {
        return bindHost == null || bindHost.equals("0.0.0.0") || bindHost.equals("::") || bindHost.equals("[::]");
    }

    private static Optional<String> siteAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback() || nic.isVirtual()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && address.isSiteLocalAddress()) {
                        return Optional.of(address.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            // no interfaces to list: loopback it is
        }
        return Optional.empty();
    }
}
