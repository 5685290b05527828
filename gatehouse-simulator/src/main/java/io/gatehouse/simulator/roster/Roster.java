package io.gatehouse.simulator.roster;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The people the emulated devices know: employees, visitors with their windows, blacklisted people. A walk-up
 * is either one of them or a stranger ({@link #STRANGER}). The standard roster has every case; a roster file
 * (JSON, see docs/SIMULATOR.md) replaces it.
 */
public final class Roster {
    /** The person id that means "someone not in the library". */
    public static final String STRANGER = "stranger";

    private final Map<String, Person> people;
    private final List<Person> order;

    public Roster(List<Person> people) {
        Map<String, Person> byId = new LinkedHashMap<>();
        for (Person person : people) {
            if (byId.put(person.id(), person) != null) {
                throw new IllegalArgumentException("person id " + person.id() + " appears twice in the roster");
            }
        }
        if (byId.containsKey(STRANGER)) {
            throw new IllegalArgumentException("\"" + STRANGER + "\" is reserved for strangers");
        }
        this.people = Map.copyOf(byId);
        this.order = List.copyOf(byId.values());
    }

    public List<Person> people() {
        return order;
    }

    public Optional<Person> find(String id) {
        return Optional.ofNullable(people.get(id));
    }

    /** A random walk-up: a library person nine times in ten, a stranger ({@code null}) otherwise. */
    public Person pick(RandomGenerator random) {
        if (order.isEmpty() || random.nextInt(10) == 0) {
            return null;
        }
        return order.get(random.nextInt(order.size()));
    }

    /**
     * Twelve employees, four visitors (two inside their window around {@code now}, one whose window ended,
     * one whose window has not begun) and two blacklisted people, presenting every credential.
     */
    public static Roster standard(Instant now) {
        String[] employees = {"王五", "Ann Lee", "张三", "Bruno Diaz", "李娜", "Chen Wei", "Dana Kim", "小王",
            "Eva Novak", "Farid Haddad", "赵敏", "Grace Obi"};
        Credential[] credentials = {Credential.FACE, Credential.FACE, Credential.CARD, Credential.FACE,
            Credential.QR_CODE, Credential.FACE, Credential.PIN, Credential.FACE, Credential.ID_CARD,
            Credential.FACE, Credential.FACE_AND_PIN, Credential.FACE};
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < employees.length; i++) {
            String id = String.valueOf(i + 1);
            people.add(new Person(id, employees[i], PersonType.EMPLOYEE, credentials[i], "10" + (2000 + i),
                    "E" + (100 + i), "", "4" + (100 + i), null, null, List.of(i % 2 == 0 ? "R&D" : "Operations")));
        }
        Instant hour = now.minus(Duration.ofHours(1));
        people.add(visitor("101", "Visitor Ann", hour, now.plus(Duration.ofHours(8)), Credential.FACE));
        people.add(visitor("102", "访客 周", hour, now.plus(Duration.ofHours(4)), Credential.QR_CODE));
        people.add(visitor("103", "Visitor Late", now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)), Credential.FACE));
        people.add(visitor("104", "Visitor Early", now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)), Credential.FACE));
        people.add(new Person("201", "Blocked Bob", PersonType.BLACKLIST, Credential.FACE, "", "", "", "", null, null, List.of()));
        people.add(new Person("202", "黑名单 钱", PersonType.BLACKLIST, Credential.CARD, "109999", "", "", "", null, null, List.of()));
        return new Roster(people);
    }

    private static Person visitor(String id, String name, Instant from, Instant until, Credential credential) {
        return new Person(id, name, PersonType.VISITOR, credential, "", "", "", "", from, until, List.of("Visitors"));
    }

    /** Reads a roster file: a JSON array of people. Errors name the element and field. */
    public static Roster load(Path file) throws IOException, DecodeException {
        JsonNode root = Json.standard().parse(Files.readAllBytes(file));
        if (!root.isArray()) {
            throw new DecodeException("", "a roster is a JSON array of people");
        }
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            people.add(readPerson(root.get(i), "[" + i + "]"));
        }
        try {
            return new Roster(people);
        } catch (IllegalArgumentException e) {
            throw new DecodeException("", e.getMessage());
        }
    }

    private static Person readPerson(JsonNode node, String path) throws DecodeException {
        if (!node.isObject()) {
            throw new DecodeException(path, "expected an object");
        }
        String id = text(node, path, "id", true);
        if (!id.matches("\\d{1,18}")) {
            throw new DecodeException(path + ".id", "expected digits (firmware before v1.2.1 sends user_id as an integer)");
        }
        String typeText = text(node, path, "type", false);
        PersonType type = typeText == null ? PersonType.EMPLOYEE : PersonType.fromLabel(typeText);
        if (type == null) {
            throw new DecodeException(path + ".type", "expected employee, visitor or blacklist");
        }
        String credentialText = text(node, path, "credential", false);
        Credential credential = credentialText == null ? Credential.FACE : Credential.fromLabel(credentialText);
        if (credential == null) {
            throw new DecodeException(path + ".credential", "expected face, card, qr_code, pin, id_card or face_and_pin");
        }
        List<String> groups = new ArrayList<>();
        node.path("groups").forEach(g -> groups.add(g.asText()));
        return new Person(id, text(node, path, "name", true), type, credential, text(node, path, "ic_number", false),
                text(node, path, "job_number", false), text(node, path, "id_number", false),
                text(node, path, "pin", false), instant(node, path, "visit_from"), instant(node, path, "visit_until"), groups);
    }

    private static String text(JsonNode node, String path, String field, boolean required) throws DecodeException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new DecodeException(path + "." + field, "required field is missing");
            }
            return null;
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw new DecodeException(path + "." + field, "expected a string");
        }
        return value.asText();
    }

    private static Instant instant(JsonNode node, String path, String field) throws DecodeException {
        String text = text(node, path, field, false);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new DecodeException(path + "." + field, "expected an ISO-8601 instant such as 2026-01-01T08:00:00Z");
        }
    }
}
