package io.gatehouse.core.policy.authorize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Decision ids are RFC 9562 version-7 UUIDs: they carry their millisecond, sort by it as text, and never repeat. */
class DecisionIdsTest {

    @Test
    void anIdIsAVersion7UuidCarryingItsMillisecond() {
        long at = 1_796_000_000_123L;
        UUID id = DecisionIds.next(at);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at);
        assertThat(UUID.fromString(id.toString())).isEqualTo(id);
    }

    @Test
    void idsOfLaterMillisecondsSortAfterAsText() {
        List<String> ids = new ArrayList<>();
        for (long at = 1_796_000_000_000L; at < 1_796_000_000_000L + 5_000; at += 7) {
            ids.add(DecisionIds.next(at).toString());
        }
        assertThat(ids).isSorted();
    }

    @Test
    void idsOfOneMillisecondAreDistinct() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(DecisionIds.next(1_796_000_000_000L));
        }
        assertThat(ids).hasSize(100_000);
    }
}
