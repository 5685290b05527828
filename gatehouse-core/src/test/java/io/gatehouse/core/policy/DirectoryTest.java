package io.gatehouse.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.core.event.PersonType;
import io.gatehouse.core.policy.directory.AccessGroup;
import io.gatehouse.core.policy.directory.Directory;
import io.gatehouse.core.policy.directory.DirectoryPerson;
import io.gatehouse.core.policy.directory.Door;
import io.gatehouse.core.policy.directory.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A snapshot never changes once published: decisions running on it see one consistent directory. */
class DirectoryTest {
    private final Directory campus = Campus.directory();

    @Test
    void aChangeMakesANewSnapshotAndLeavesTheOldOneAsItWas() {
        Directory withNight = campus.with(new AccessGroup("night", "Night"));
        Directory withBoth = withNight.with(new AccessGroup("day", "Day"));
        Directory withoutNight = withBoth.without(AccessGroup.class, "night");

        assertThat(campus.get(AccessGroup.class, "night")).isNull();
        assertThat(withNight.get(AccessGroup.class, "day")).isNull();
        assertThat(withBoth.get(AccessGroup.class, "night")).isNotNull();
        assertThat(withoutNight.get(AccessGroup.class, "night")).isNull();
        assertThat(withoutNight.get(AccessGroup.class, "day")).isNotNull();
        assertThat(withBoth.get(AccessGroup.class, "night")).isNotNull();
    }

    @Test
    void problemsNameTheFieldAndConflictsAreMarked() {
        DirectoryPerson dangling = Campus.person("zoe", "Zoe", PersonType.EMPLOYEE, null, null, "staff", "ghosts");
        assertThat(campus.problemsOf(dangling)).containsExactly(new Problem("groupIds[1]", "no group with id \"ghosts\""));

        Door sameTerminal = new Door("main-2", "Main again", "hq", "PSC-MAIN", null, null, null);
        assertThat(campus.problemsOf(sameTerminal)).singleElement()
                .satisfies(p -> assertThat(p.conflict()).isTrue())
                .satisfies(p -> assertThat(p.field()).isEqualTo("deviceSerial"));

        Directory carded = campus.with(new DirectoryPerson("card-holder", "C", PersonType.EMPLOYEE, List.of("C-9"), null,
                null, List.of(), null, null));
        DirectoryPerson thief = new DirectoryPerson("thief", "T", PersonType.EMPLOYEE, List.of("C-9"), null, null,
                List.of(), null, null);
        assertThat(carded.problemsOf(thief)).singleElement().satisfies(p -> assertThat(p.conflict()).isTrue());
    }

    @Test
    void whatIsStillNamedIsListedBeforeADelete() {
        assertThat(campus.referencesTo(AccessGroup.class, "guards")).containsExactly("person \"gus\"", "rule \"r8-guards-main\"");
        assertThat(campus.referencesTo(Door.class, "garage-in"))
                .containsExactlyInAnyOrder("rule \"r5-staff-garage-in\"", "anti-passback pair \"garage\"");
    }
}
