package io.gatehouse.protocol.sense;

import static io.gatehouse.protocol.Fixtures.compact;
import static io.gatehouse.protocol.Fixtures.decode;
import static io.gatehouse.protocol.Fixtures.sample;
import static io.gatehouse.protocol.Fixtures.written;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code POST /v1/event/records}: times in seconds, one person filter, offset/limit (max 200), sort. */
class RecordsQueryTest {

    @Test
    void readsTheQuerySample() throws Exception {
        String json = sample("sense-records-query.json");
        RecordsQuery q = decode(json, RecordsQuery.class);

        assertThat(q.beginTime()).isEqualTo(1767225000L);
        assertThat(q.endTime()).isEqualTo(1767229000L);
        assertThat(q.effectiveOffset()).isZero();
        assertThat(q.effectiveLimit()).isEqualTo(100);
        assertThat(q.descending()).isFalse();
        assertThat(q.problem()).isNull();
        assertThat(written(q)).isEqualTo(compact(json));
    }

    @Test
    void defaultsAndFiltersAsDocumented() throws Exception {
        RecordsQuery q = decode("{\"job_number\":\"23385\",\"sort\":1}", RecordsQuery.class);

        assertThat(q.effectiveOffset()).isZero();
        assertThat(q.effectiveLimit()).isEqualTo(RecordsQuery.DEFAULT_LIMIT);
        assertThat(q.descending()).isTrue();
        assertThat(q.jobNumber()).isEqualTo("23385");
        assertThat(written(new RecordsQuery(null, null, "5", null, null, 200, 200, 0)))
                .isEqualTo("{\"user_id\":\"5\",\"offset\":200,\"limit\":200,\"sort\":0}");
    }

    @Test
    void namesWhatTheTerminalWouldRefuse() {
        assertThat(new RecordsQuery(null, null, null, null, null, 0, 201, 0).problem()).isEqualTo("limit must be 1..200");
        assertThat(new RecordsQuery(null, null, null, null, null, -1, null, null).problem()).isEqualTo("offset must not be negative");
        assertThat(new RecordsQuery(null, null, null, null, null, null, null, 2).problem())
                .isEqualTo("sort must be 0 (ascending) or 1 (descending)");
        assertThat(new RecordsQuery(20L, 10L, null, null, null, null, null, null).problem()).isEqualTo("begin_time is after end_time");
    }
}
