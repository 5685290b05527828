package io.gatehouse.simulator.terminal;

import io.gatehouse.protocol.sense.RecordsPage;
import io.gatehouse.protocol.sense.RecordsQuery;
import io.gatehouse.protocol.sense.SenseRecognition;
import io.gatehouse.protocol.sense.SenseUser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The recognition records a terminal has produced, newest last, bounded, answering {@code POST /v1/event/records}:
 * time window, one person filter (user_id, else job_number, else ic_number), sort, offset and limit.
 */
final class RecordHistory {
    private final ArrayDeque<SenseRecognition> records = new ArrayDeque<>();
    private final int capacity;

    RecordHistory(int capacity) {
        this.capacity = capacity;
    }

    void add(SenseRecognition record) {
        if (records.size() >= capacity) {
            records.pollFirst();
        }
        records.addLast(record);
    }

    RecordsPage query(RecordsQuery query) {
        Predicate<SenseRecognition> filter = filter(query);
        List<SenseRecognition> matching = new ArrayList<>();
        var order = query.descending() ? records.descendingIterator() : records.iterator();
        order.forEachRemaining(record -> {
            if (filter.test(record)) {
                matching.add(record);
            }
        });
        int from = Math.min(query.effectiveOffset(), matching.size());
        int to = Math.min(from + query.effectiveLimit(), matching.size());
        return RecordsPage.of(query.effectiveOffset(), query.effectiveLimit(), matching.size(),
                List.copyOf(matching.subList(from, to)));
    }

    private static Predicate<SenseRecognition> filter(RecordsQuery query) {
        Predicate<SenseRecognition> filter = r -> (query.beginTime() == null || r.timestamp() >= query.beginTime())
                && (query.endTime() == null || r.timestamp() <= query.endTime());
        if (query.userId() != null) {
            return filter.and(r -> query.userId().equals(user(r).userId()));
        }
        if (query.jobNumber() != null) {
            return filter.and(r -> query.jobNumber().equals(user(r).jobNumber()));
        }
        if (query.icNumber() != null) {
            return filter.and(r -> query.icNumber().equals(user(r).icNumber()));
        }
        return filter;
    }

    private static SenseUser user(SenseRecognition record) {
        return record.user() == null ? SenseUser.STRANGER : record.user();
    }
}
