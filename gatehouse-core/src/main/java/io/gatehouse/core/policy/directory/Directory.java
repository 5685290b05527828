package io.gatehouse.core.policy.directory;

import io.gatehouse.core.policy.answer.TipCatalog;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable snapshot of everything the decision needs: people, groups, sites, doors, schedules, rules,
 * anti-passback pairs and tips, with the indexes a decision uses (door by device, rules by door and site).
 * Changes make a new snapshot ({@link #with}, {@link #without}); the hub swaps it in atomically, so a
 * decision always sees one consistent directory and never waits for the database.
 */
public final class Directory {
    public static final List<Class<? extends DirectoryEntry>> KINDS = List.of(Site.class, AccessGroup.class,
            WeeklySchedule.class, Door.class, DirectoryPerson.class, AccessRule.class, PassbackPair.class);
    public static final Directory EMPTY = of(List.of(), TipCatalog.BUILT_IN_ONLY);

    private final Map<Class<? extends DirectoryEntry>, SortedMap<String, DirectoryEntry>> entries;
    private final TipCatalog tips;
    private final Map<String, Door> doorsByDevice = new HashMap<>();
    private final Map<String, DirectoryPerson> peopleByCard = new HashMap<>();
    private final Map<String, List<AccessRule>> rulesByDoor = new HashMap<>();
    private final Map<String, List<AccessRule>> rulesBySite = new HashMap<>();
    private final Map<String, List<PassbackPair>> pairsByDoor = new HashMap<>();

    private Directory(Map<Class<? extends DirectoryEntry>, SortedMap<String, DirectoryEntry>> entries, TipCatalog tips) {
        this.entries = entries;
        this.tips = tips;
        for (Door door : all(Door.class)) {
            doorsByDevice.put(door.deviceKey(), door);
        }
        for (DirectoryPerson person : all(DirectoryPerson.class)) {
            person.cards().forEach(card -> peopleByCard.put(card, person));
        }
        for (AccessRule rule : all(AccessRule.class)) {
            Map<String, List<AccessRule>> index = rule.doorId() != null ? rulesByDoor : rulesBySite;
            index.computeIfAbsent(rule.doorId() != null ? rule.doorId() : rule.siteId(), k -> new ArrayList<>()).add(rule);
        }
        for (PassbackPair pair : all(PassbackPair.class)) {
            pairsByDoor.computeIfAbsent(pair.entryDoorId(), k -> new ArrayList<>()).add(pair);
            pairsByDoor.computeIfAbsent(pair.exitDoorId(), k -> new ArrayList<>()).add(pair);
        }
    }

    /** A directory of {@code content}, which must be consistent (every reference resolves). */
    public static Directory of(Collection<? extends DirectoryEntry> content, TipCatalog tips) {
        Map<Class<? extends DirectoryEntry>, SortedMap<String, DirectoryEntry>> entries = emptyEntries();
        for (DirectoryEntry entry : content) {
            entries.get(entry.getClass()).put(entry.id(), entry);
        }
        entries.replaceAll((kind, map) -> Collections.unmodifiableSortedMap(map));
        return new Directory(entries, tips);
    }

    private static Map<Class<? extends DirectoryEntry>, SortedMap<String, DirectoryEntry>> emptyEntries() {
        Map<Class<? extends DirectoryEntry>, SortedMap<String, DirectoryEntry>> entries = new LinkedHashMap<>();
        KINDS.forEach(kind -> entries.put(kind, new TreeMap<>()));
        return entries;
    }

    /** This directory with {@code entry} added or replaced. Check {@link #problemsOf} first. */
    public Directory with(DirectoryEntry entry) {
        return withAll(List.of(entry));
    }

    public Directory withAll(Collection<? extends DirectoryEntry> changed) {
        Map<Class<? extends DirectoryEntry>, TreeMap<String, DirectoryEntry>> copies = new HashMap<>();
        for (DirectoryEntry entry : changed) {
            copies.computeIfAbsent(entry.getClass(), kind -> new TreeMap<>(entries.get(kind))).put(entry.id(), entry);
        }
        Map<Class<? extends DirectoryEntry>, SortedMap<String, DirectoryEntry>> copy = new LinkedHashMap<>(entries);
        copies.forEach((kind, map) -> copy.put(kind, Collections.unmodifiableSortedMap(map)));
        return new Directory(copy, tips);
    }

    /** This directory without the entry of {@code kind} and {@code id}. Check {@link #referencesTo} first. */
    public Directory without(Class<? extends DirectoryEntry> kind, String id) {
        Map<Class<? extends DirectoryEntry>, SortedMap<String, DirectoryEntry>> copy = new LinkedHashMap<>(entries);
        SortedMap<String, DirectoryEntry> map = new TreeMap<>(copy.get(kind));
        map.remove(id);
        copy.put(kind, Collections.unmodifiableSortedMap(map));
        return new Directory(copy, tips);
    }

    public Directory withTips(TipCatalog newTips) {
        return new Directory(entries, newTips);
    }

    public TipCatalog tips() {
        return tips;
    }

    public <T extends DirectoryEntry> T get(Class<T> kind, String id) {
        return id == null ? null : kind.cast(entries.get(kind).get(id));
    }

    /** All entries of {@code kind}, ordered by id. */
    public <T extends DirectoryEntry> List<T> all(Class<T> kind) {
        List<T> result = new ArrayList<>(entries.get(kind).size());
        entries.get(kind).values().forEach(entry -> result.add(kind.cast(entry)));
        return result;
    }

    public int count(Class<? extends DirectoryEntry> kind) {
        return entries.get(kind).size();
    }

    public DirectoryPerson person(String id) {
        return get(DirectoryPerson.class, id);
    }

    /** The door of a terminal ({@code cameraId} null) or of an SE box's camera, or {@code null}. */
    public Door doorOf(String deviceSerial, String cameraId) {
        return doorsByDevice.get(Door.deviceKey(deviceSerial, cameraId));
    }

    public Site siteOf(Door door) {
        return get(Site.class, door.siteId());
    }

    public ZoneId zoneOf(Door door) {
        return door.zone() != null ? door.zone() : siteOf(door).zone();
    }

    /** The door's settings with the site's and the defaults filled in. */
    public DoorSettings settingsOf(Door door) {
        Site site = siteOf(door);
        return door.settings().over(site == null ? DoorSettings.NONE : site.settings()).over(DoorSettings.DEFAULTS);
    }

    /** The rules naming this door or its site, ordered by id. */
    public List<AccessRule> rulesAt(Door door) {
        List<AccessRule> byDoor = rulesByDoor.getOrDefault(door.id(), List.of());
        List<AccessRule> bySite = rulesBySite.getOrDefault(door.siteId(), List.of());
        if (bySite.isEmpty()) {
            return byDoor;
        }
        List<AccessRule> all = new ArrayList<>(byDoor.size() + bySite.size());
        all.addAll(byDoor);
        all.addAll(bySite);
        all.sort((a, b) -> a.id().compareTo(b.id()));
        return all;
    }

    public List<PassbackPair> pairsAt(Door door) {
        return pairsByDoor.getOrDefault(door.id(), List.of());
    }

    /** What is wrong with adding {@code entry}: dangling references, a device or card that belongs to another. */
    public List<Problem> problemsOf(DirectoryEntry entry) {
        List<Problem> problems = new ArrayList<>();
        for (Reference reference : entry.references()) {
            if (get(reference.kind(), reference.id()) == null) {
                problems.add(new Problem(reference.field(), "no " + KindNames.singular(reference.kind())
                        + " with id \"" + reference.id() + "\""));
            }
        }
        if (entry instanceof Door door) {
            Door holder = doorsByDevice.get(door.deviceKey());
            if (holder != null && !holder.id().equals(door.id())) {
                problems.add(new Problem(door.cameraId() == null ? "deviceSerial" : "cameraId",
                        "already the device of door \"" + holder.id() + "\"", true));
            }
        }
        if (entry instanceof DirectoryPerson person) {
            for (int i = 0; i < person.cards().size(); i++) {
                DirectoryPerson holder = peopleByCard.get(person.cards().get(i));
                if (holder != null && !holder.id().equals(person.id())) {
                    problems.add(new Problem("cards[" + i + "]", "already the card of person \"" + holder.id() + "\"", true));
                }
            }
        }
        return problems;
    }

    /** The entries that name the entry of {@code kind} and {@code id}, as "kind id" texts; empty when none. */
    public List<String> referencesTo(Class<? extends DirectoryEntry> kind, String id) {
        List<String> referrers = new ArrayList<>();
        for (SortedMap<String, DirectoryEntry> map : entries.values()) {
            for (DirectoryEntry entry : map.values()) {
                for (Reference reference : entry.references()) {
                    if (reference.kind() == kind && reference.id().equals(id)) {
                        referrers.add(KindNames.singular(entry.getClass()) + " \"" + entry.id() + "\"");
                        break;
                    }
                }
            }
        }
        return referrers;
    }
}
