package io.gatehouse.simulator.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.json.Json;
import io.gatehouse.simulator.device.SimulatedDevice;
import io.gatehouse.simulator.sophon.Camera;
import io.gatehouse.simulator.sophon.SeBox;
import io.gatehouse.simulator.terminal.Passage;
import io.gatehouse.simulator.terminal.Terminal;
import java.util.Locale;

/** How the control API shows a device, a passage and a sighting as JSON. */
final class DeviceView {
    private DeviceView() {
    }

    static ObjectNode device(SimulatedDevice device) {
        ObjectNode node = Json.object();
        node.put("kind", device.kind().label());
        node.put("serial", device.serial());
        node.put("version", device.version());
        node.put("address", device.address());
        ObjectNode ports = node.putObject("ports");
        device.ports().forEach(ports::put);
        if (device instanceof Terminal terminal) {
            node.put("base_url", terminal.baseUrl());
            node.put("username", terminal.username());
            node.put("password", terminal.password());
            node.put("websocket_clients", terminal.webSocketClients());
        }
        if (device instanceof SeBox box) {
            var cameras = node.putArray("cameras");
            for (Camera camera : box.cameras()) {
                cameras.addObject().put("device_id", camera.id()).put("name", camera.name());
            }
        }
        node.put("network", device.network().label());
        node.set("counters", counters(device));
        return node;
    }

    static ObjectNode counters(SimulatedDevice device) {
        ObjectNode counters = Json.object();
        device.counters().asMap().forEach(counters::put);
        return counters;
    }

    static ObjectNode passage(Passage passage) {
        ObjectNode node = Json.object();
        node.put("uuid", passage.uuid());
        node.put("person", passage.personId());
        node.put("pass", passage.pass());
        node.put("tip", passage.tip());
        node.put("decided_by", passage.decidedBy().name().toLowerCase(Locale.ROOT));
        node.set("record", passage.record().dataJson());
        return node;
    }

    static ObjectNode sighting(SeBox.Sighting sighting) {
        ObjectNode node = Json.object();
        node.put("event_id", sighting.eventId());
        node.put("camera", sighting.cameraId());
        node.put("person", sighting.personId());
        node.put("sent_to", sighting.sentTo());
        return node;
    }
}
