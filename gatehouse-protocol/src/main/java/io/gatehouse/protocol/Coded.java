package io.gatehouse.protocol;

import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.FieldReader;
import java.util.function.IntFunction;

/**
 * An enumeration of documented numeric codes. Messages keep the raw code, so a code the documents do not
 * know survives a round trip; the enumeration only interprets it.
 */
public interface Coded {
    int code();

    String meaning();

    /** The constant with this code, or {@code null}. */
    static <E extends Enum<E> & Coded> E find(E[] values, int code) {
        for (E value : values) {
            if (value.code() == code) {
                return value;
            }
        }
        return null;
    }

    /** Reads an optional code, noting it when {@code lookup} does not know it. */
    static Integer read(FieldReader reader, String name, IntFunction<?> lookup) throws DecodeException {
        Integer code = reader.optInt(name);
        if (code != null && lookup.apply(code) == null) {
            reader.notes().add(reader.pathOf(name) + ": undocumented code " + code + " kept");
        }
        return code;
    }
}
