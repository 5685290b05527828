package io.gatehouse.protocol.sense;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.protocol.Dialect;
import io.gatehouse.protocol.Family;
import io.gatehouse.protocol.MessageKind;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.FieldWriter;
import java.util.List;

/** One page of {@code /v1/event/records}: {@code data {offset, limit, count, total, items}}. */
public record RecordsPage(int code, String msg, int offset, int limit, int count, int total,
                          List<SenseRecognition> items) implements SenseMessage {
    public RecordsPage {
        items = List.copyOf(items);
    }

    public static RecordsPage of(int offset, int limit, int total, List<SenseRecognition> items) {
        return new RecordsPage(ResultCode.OK.code(), "OK", offset, limit, items.size(), total, items);
    }

    @Override
    public Dialect dialect() {
        String version = items.isEmpty() ? Dialect.ANY_VERSION : items.get(0).version().label();
        return new Dialect(Family.SENSE_PASS, MessageKind.RECORDS_PAGE, version);
    }

    static RecordsPage read(FieldReader r) throws DecodeException {
        FieldReader data = r.object("data");
        List<SenseRecognition> items = data.optObjects("items", SenseRecognition::read);
        return new RecordsPage(Envelope.code(r), Envelope.message(r),
                data.intValue("offset"), data.intValue("limit"),
                data.optInt("count") == null ? (items == null ? 0 : items.size()) : data.optInt("count"),
                data.intValue("total"), items == null ? List.of() : items);
    }

    @Override
    public ObjectNode toJson() {
        return Envelope.write(code, msg, FieldWriter.object()
                        .put("offset", offset)
                        .put("limit", limit)
                        .put("count", count)
                        .put("total", total)
                        .putObjects("items", items.stream().map(SenseRecognition::dataJson).toList())
                        .build())
                .build();
    }
}
