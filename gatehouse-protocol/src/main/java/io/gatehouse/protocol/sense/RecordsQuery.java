package io.gatehouse.protocol.sense;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.Dialect;
import io.gatehouse.protocol.Family;
import io.gatehouse.protocol.MessageKind;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.FieldWriter;

/**
 * A history query, {@code POST /v1/event/records}. Times are Unix seconds; one person filter applies, by
 * priority user_id, then job_number, then ic_number. {@code limit} defaults to 100 and may not exceed 200;
 * {@code sort} 0 is ascending, 1 descending.
 */
public record RecordsQuery(
        Long beginTime,
        Long endTime,
        String userId,
        String jobNumber,
        String icNumber,
        Integer offset,
        Integer limit,
        Integer sort) implements SenseMessage {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 200;

    public int effectiveOffset() {
        return offset == null ? 0 : offset;
    }

    public int effectiveLimit() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    public boolean descending() {
        return sort != null && sort == 1;
    }

    /** Why the terminal would refuse this query, or {@code null}. */
    public String problem() {
        if (offset != null && offset < 0) {
            return "offset must not be negative";
        }
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            return "limit must be 1.." + MAX_LIMIT;
        }
        if (sort != null && sort != 0 && sort != 1) {
            return "sort must be 0 (ascending) or 1 (descending)";
        }
        if (beginTime != null && endTime != null && beginTime > endTime) {
            return "begin_time is after end_time";
        }
        return null;
    }

    @Override
    public Dialect dialect() {
        return new Dialect(Family.SENSE_PASS, MessageKind.RECORDS_QUERY, Dialect.ANY_VERSION);
    }

    static RecordsQuery read(FieldReader r) throws DecodeException {
        return new RecordsQuery(r.optLong("begin_time"), r.optLong("end_time"), r.optString("user_id"),
                r.optString("job_number"), r.optString("ic_number"), r.optInt("offset"), r.optInt("limit"),
                r.optInt("sort"));
    }

    @Override
    public ObjectNode toJson() {
        return FieldWriter.object()
                .put("begin_time", beginTime)
                .put("end_time", endTime)
                .put("user_id", userId)
                .put("job_number", jobNumber)
                .put("ic_number", icNumber)
                .put("offset", offset)
                .put("limit", limit)
                .put("sort", sort)
                .build();
    }
}
