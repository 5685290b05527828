package io.gatehouse.server.access.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.gatehouse.protocol.json.Json;
import io.gatehouse.server.access.directory.EntityCodec;
import io.gatehouse.server.api.ApiRefusal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV form of a kind of entry, read and written by jackson-dataformat-csv: a header row naming the
 * columns, then one entry per row. A column {@code settings.minScore} is the field {@code minScore} of the
 * object {@code settings}; a list column holds its items separated by {@code |}; an empty cell is an absent field.
 * Rows become the same JSON the API takes, so CSV and JSON refuse the same things with the same reasons.
 *
 * <p>Exports are opened in spreadsheets, which run a cell that starts with {@code = + - @} (or a tab or carriage
 * return) as a formula: a visitor registered as {@code =HYPERLINK(...)} would run in the operator's spreadsheet. Such
 * cells are written with a leading {@code '}, which spreadsheets show as text, and read back without it, so an export
 * still imports as the same directory.
 */
final class CsvRows {
    static final String LIST_SEPARATOR = "|";
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final CsvMapper MAPPER = new CsvMapper();

    private CsvRows() {
    }

    /** A CSV data row as JSON; {@code number} 1 is the first row after the header. */
    record Row(int number, ObjectNode json) {
    }

    static List<Row> read(EntityCodec<?> codec, byte[] csv, int maxRows) {
        List<Row> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = MAPPER.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            while (it.hasNextValue()) {
                if (rows.size() == maxRows) {
                    throw new ApiRefusal(413, "body", "at most " + maxRows + " rows per import");
                }
                Map<String, String> cells = it.nextValue();
                checkColumns(codec, cells);
                rows.add(new Row(rows.size() + 1, toJson(codec, cells)));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiRefusal r) {
                throw r;
            }
            // the file is broken from here on (an unclosed quote, a row longer than the header): say where
            throw new ApiRefusal(400, "body", "row " + (rows.size() + 1) + " is unreadable CSV: " + firstLine(e));
        }
        return rows;
    }

    private static void checkColumns(EntityCodec<?> codec, Map<String, String> cells) {
        for (String column : cells.keySet()) {
            if (!codec.csvColumns().contains(column)) {
                throw new ApiRefusal(400, column, "unknown column; the header names columns from " + codec.csvColumns());
            }
        }
    }

    private static ObjectNode toJson(EntityCodec<?> codec, Map<String, String> cells) {
        ObjectNode json = Json.object();
        cells.forEach((column, value) -> {
            if (value == null || value.isEmpty()) {
                return;
            }
            value = unguarded(value);
            int dot = column.indexOf('.');
            ObjectNode target = dot < 0 ? json
                    : json.has(column.substring(0, dot)) ? (ObjectNode) json.get(column.substring(0, dot))
                    : json.putObject(column.substring(0, dot));
            String field = dot < 0 ? column : column.substring(dot + 1);
            if (codec.csvListColumns().contains(column)) {
                ArrayNode items = target.putArray(field);
                for (String item : value.split("\\" + LIST_SEPARATOR)) {
                    if (!item.isBlank()) {
                        items.add(item.strip());
                    }
                }
            } else {
                target.put(field, value);
            }
        });
        return json;
    }

    static String write(EntityCodec<?> codec, List<ObjectNode> entries) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        codec.csvColumns().forEach(schema::addColumn);
        List<Map<String, String>> rows = new ArrayList<>(entries.size());
        for (ObjectNode entry : entries) {
            Map<String, String> row = new LinkedHashMap<>();
            for (String column : codec.csvColumns()) {
                row.put(column, cell(entry, column));
            }
            rows.add(row);
        }
        try {
            return MAPPER.writer(schema.build()).writeValueAsString(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cell(ObjectNode entry, String column) {
        int dot = column.indexOf('.');
        JsonNode value = dot < 0 ? entry.get(column) : entry.path(column.substring(0, dot)).get(column.substring(dot + 1));
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asText()));
            return guarded(String.join(LIST_SEPARATOR, items));
        }
        return guarded(value.asText());
    }

    /** {@code text} as a spreadsheet shows it and never runs it. */
    static String guarded(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** A cell as it was before {@link #guarded}. */
    static String unguarded(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1) : cell;
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
