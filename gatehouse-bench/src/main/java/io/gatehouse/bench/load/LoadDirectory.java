package io.gatehouse.bench.load;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.json.Json;

/**
 * The access directory the hub decides the load's requests from, so that decisions are realistic: one site, one
 * door per emulated terminal, {@link Payloads#PEOPLE} people in two groups (staff, one in ten a visitor), a rule
 * letting staff through every door. Requests name people of both groups and some the directory does not know,
 * so the hub answers allowed ({@code ALLOWED}) and refused ({@code NO_RULE}, {@code UNKNOWN_PERSON}) decisions.
 */
final class LoadDirectory {
    private LoadDirectory() {
    }

    /** Everything but the people, for {@code POST /api/access/import}. */
    static ObjectNode places(int terminals) {
        ObjectNode doc = Json.object();
        doc.putArray("sites").addObject().put("id", "load").put("name", "Load site").put("zone", "Europe/Berlin");
        ArrayNode groups = doc.putArray("groups");
        groups.addObject().put("id", "staff").put("name", "员工");
        groups.addObject().put("id", "visitors").put("name", "Visitors");
        ArrayNode doors = doc.putArray("doors");
        ArrayNode rules = doc.putArray("rules");
        for (int i = 0; i < terminals; i++) {
            String door = door(i);
            doors.addObject().put("id", door).put("name", "Door " + i).put("siteId", "load")
                    .put("deviceSerial", Fleet.serial(i));
            rules.addObject().put("id", "staff-" + door).put("groupId", "staff").put("doorId", door);
        }
        return doc;
    }

    /**
     * People {@code from} (inclusive) to {@code to} (exclusive), for {@code POST /api/access/import/people}; the API
     * bounds the tokens of one request, so the roster goes in slices.
     */
    static ArrayNode people(int from, int to) {
        ArrayNode people = Json.standard().mapper().createArrayNode();
        for (int k = from; k < to; k++) {
            ObjectNode person = people.addObject().put("id", Payloads.personId(k)).put("name", Payloads.personName(k))
                    .put("type", "employee");
            person.putArray("groupIds").add(k % 10 == 9 ? "visitors" : "staff");
        }
        return people;
    }

    static String door(int i) {
        return String.format("door-%04d", i);
    }
}
