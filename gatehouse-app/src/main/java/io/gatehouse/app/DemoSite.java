package io.gatehouse.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.json.Json;
import io.gatehouse.protocol.sense.SenseVersion;
import io.gatehouse.protocol.sophon.SophonVersion;
import io.gatehouse.server.Hub;
import io.gatehouse.server.device.DeviceJson;
import io.gatehouse.server.device.DeviceRegistry;
import io.gatehouse.simulator.SimulatedSite;
import io.gatehouse.simulator.SiteConfig;
import io.gatehouse.simulator.device.DeviceTiming;
import io.gatehouse.simulator.roster.Person;
import io.gatehouse.simulator.roster.PersonType;
import io.gatehouse.simulator.roster.Roster;
import io.gatehouse.simulator.sophon.SeBox;
import io.gatehouse.simulator.terminal.Terminal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The emulated site of {@code gatehouse demo}, on the hub's own Vert.x (it stops with the hub): an entrance
 * terminal (record push and WebSocket: each record arrives twice and is stored once), a lab door terminal that asks
 * the hub before it opens (remote authorization) and pushes what happened, and an SE box with three cameras, each
 * on its own loopback address with its documented ports (or, where 127.0.1.x cannot be bound, on 127.0.0.1 with free
 * ports). The devices are registered with the hub like any site's, with their accounts: the hub's connectors
 * configure the terminals and subscribe to every stream. The lab door's directory is imported through the access
 * API: staff may pass, the others are refused with a reason on the screen.
 */
final class DemoSite implements AutoCloseable {
    static final String ENTRANCE = "entrance";
    static final String LAB_DOOR = "lab-door";
    static final String YARD_BOX = "yard-box";

    private final SimulatedSite site;

    private DemoSite(SimulatedSite site) {
        this.site = site;
    }

    static DemoSite start(Hub hub, String adminToken, double rate) throws Exception {
        String password = "demo-" + HexFormat.of().formatHex(randomBytes());
        SiteConfig config = SiteConfig.defaults().withDevices(2, 1, 3).withRate(rate).withCredentials("admin", password)
                .withVersions(List.of(SenseVersion.V1_3_0, SenseVersion.V1_2_1), SophonVersion.V5)
                .withTiming(DeviceTiming.DOCUMENTED).withRoster(Roster.standard(Instant.now()));
        SimulatedSite site;
        try {
            site = SimulatedSite.start(hub.vertx(), config).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception documentedPortsTaken) {
            site = SimulatedSite.start(hub.vertx(), config.withFirstAddress("127.0.0.1").withPorts(0, 0, 0))
                    .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
        DemoSite demo = new DemoSite(site);
        try {
            demo.register(hub.devices().registry());
            demo.importDirectory(hub, adminToken);
        } catch (Exception e) {
            demo.close();
            throw e;
        }
        return demo;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    Terminal entrance() {
        return site.terminals().get(0);
    }

    Terminal labDoor() {
        return site.terminals().get(1);
    }

    SeBox yardBox() {
        return site.boxes().get(0);
    }

    private void register(DeviceRegistry registry) throws Exception {
        add(registry, terminal(ENTRANCE, "Entrance", entrance(), "[\"push\", \"websocket\"]"));
        add(registry, terminal(LAB_DOOR, "Lab door", labDoor(), "[\"push\", \"remote-auth\"]"));
        SeBox box = yardBox();
        add(registry, "{\"kind\": \"se-box\", \"id\": \"" + YARD_BOX + "\", \"name\": \"Yard cameras\", \"host\": \""
                + box.address() + "\", \"restPort\": " + box.restPort() + ", \"webSocketPort\": " + box.webSocketPort()
                + ", \"version\": \"" + box.version() + "\"}");
    }

    private static String terminal(String id, String name, Terminal t, String channels) {
        return "{\"kind\": \"terminal\", \"id\": \"" + id + "\", \"name\": \"" + name + "\", \"host\": \"" + t.address()
                + "\", \"port\": " + t.port() + ", \"username\": \"" + t.username() + "\", \"password\": \""
                + t.password() + "\", \"serial\": \"" + t.serial() + "\", \"channels\": " + channels + "}";
    }

    private static void add(DeviceRegistry registry, String json) throws Exception {
        registry.add(DeviceJson.create(Json.standard().parse(json))).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** Staff (employees 1 to 8) may pass the lab door at any time; visitors inside their window too. */
    private void importDirectory(Hub hub, String adminToken) throws Exception {
        ObjectNode directory = Json.object();
        directory.putArray("sites").addObject().put("id", "demo").put("name", "Demo site").put("zone", "UTC");
        ArrayNode groups = directory.putArray("groups");
        groups.addObject().put("id", "staff").put("name", "Staff");
        groups.addObject().put("id", "visitors").put("name", "Visitors");
        directory.putArray("doors").addObject().put("id", "lab").put("name", "Lab door").put("siteId", "demo")
                .put("deviceSerial", labDoor().serial());
        ArrayNode people = directory.putArray("people");
        for (Person p : Roster.standard(Instant.now()).people()) {
            ObjectNode person = people.addObject().put("id", p.id()).put("name", p.name())
                    .put("type", p.type() == PersonType.BLACKLIST ? "blacklisted" : p.type().name().toLowerCase());
            if (p.type() == PersonType.VISITOR) {
                person.put("validFrom", p.visitFrom().toString()).put("validUntil", p.visitUntil().toString());
                person.putArray("groupIds").add("visitors");
            } else if (p.type() == PersonType.EMPLOYEE && Integer.parseInt(p.id()) <= 8) {
                person.putArray("groupIds").add("staff");
            }
        }
        ArrayNode rules = directory.putArray("rules");
        rules.addObject().put("id", "staff-lab").put("groupId", "staff").put("doorId", "lab");
        rules.addObject().put("id", "visitors-lab").put("groupId", "visitors").put("doorId", "lab");

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI base = URI.create("http://127.0.0.1:" + hub.port());
        for (int i = 0; i < 100 && http.send(HttpRequest.newBuilder(base.resolve("/api/access/health"))
                .header("Authorization", "Bearer " + adminToken).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode() != 200; i++) {
            Thread.sleep(100); // the directory is still loading
        }
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(base.resolve("/api/access/import"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(directory.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (imported.statusCode() != 200) {
            throw new IllegalStateException("the demo directory was refused: " + imported.body());
        }
    }

    /**
     * Waits until the hub's connectors report every device of the site ONLINE, at most {@code max}; returns a line
     * for each that is not (its state and why).
     */
    static List<String> awaitOnline(DeviceRegistry registry, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        List<String> waiting;
        do {
            waiting = registry.all().stream().filter(e -> !e.status().state().equals("ONLINE"))
                    .map(e -> e.device().id() + ": " + e.status().json().path("state").path("state").asText() + " ("
                            + e.status().json().path("state").path("reason").asText() + ")")
                    .toList();
            if (waiting.isEmpty()) {
                return waiting;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return waiting;
    }

    /** One line per device for the banner. */
    List<String> describe() {
        Terminal a = entrance();
        Terminal b = labDoor();
        SeBox box = yardBox();
        return List.of(
                String.format("  %-9s %-8s %-19s %-7s %-24s %s", ENTRANCE, "terminal", a.serial(), a.version(),
                        a.baseUrl(), "push + WebSocket"),
                String.format("  %-9s %-8s %-19s %-7s %-24s %s", LAB_DOOR, "terminal", b.serial(), b.version(),
                        b.baseUrl(), "remote authorization (asks the hub) + push"),
                String.format("  %-9s %-8s %-19s %-7s %-24s %s", YARD_BOX, "se-box", box.serial(), box.version(),
                        box.address() + ":" + box.restPort() + "/" + box.webSocketPort(),
                        box.cameras().size() + " cameras over WebSocket"));
    }

    @Override
    public void close() throws Exception {
        site.close();
    }
}
