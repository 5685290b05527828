package io.gatehouse.server.access.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.core.policy.authorize.CurrentDirectory;
import io.gatehouse.core.policy.directory.Directory;
import io.gatehouse.core.policy.directory.DirectoryEntry;
import io.gatehouse.core.policy.directory.KindNames;
import io.gatehouse.core.policy.directory.Problem;
import io.gatehouse.protocol.json.DecodeException;
import io.gatehouse.protocol.json.DecodeLimits;
import io.gatehouse.protocol.json.FieldReader;
import io.gatehouse.protocol.json.Json;
import io.gatehouse.protocol.json.Notes;
import io.gatehouse.server.access.directory.Codecs;
import io.gatehouse.server.access.directory.DirectoryEditor;
import io.gatehouse.server.access.directory.EntityCodec;
import io.gatehouse.server.access.directory.EntityId;
import io.gatehouse.server.access.directory.ImportReport;
import io.gatehouse.server.access.directory.ImportRow;
import io.gatehouse.server.api.ApiRefusal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * CRUD of every kind of directory entry under {@code /api/access/{kind}} (sites, groups, schedules, doors,
 * people, rules, passbacks), their bulk export and import in JSON and CSV, and the whole directory as one JSON
 * document. Reads come from the in-memory snapshot; writes go through the {@link DirectoryEditor}.
 */
final class DirectoryRoutes {
    static final int MAX_IMPORT_ROWS = 100_000;
    /** Imports are large by nature: a whole directory of people in one document. */
    private static final Json IMPORT_JSON = new Json(new DecodeLimits(32 << 20, 64 << 10, 16, 1));

    private final CurrentDirectory current;
    private final DirectoryEditor editor;

    DirectoryRoutes(CurrentDirectory current, DirectoryEditor editor) {
        this.current = current;
        this.editor = editor;
    }

    void mount(Router r) {
        r.get("/export").handler(this::exportAll);
        r.post("/import").handler(this::importAll);
        r.get("/export/:kind").handler(this::exportKind);
        r.post("/import/:kind").handler(this::importKind);
        r.get("/:kind").handler(this::list);
        r.get("/:kind/:id").handler(this::get);
        r.put("/:kind/:id").handler(this::put);
        r.delete("/:kind/:id").handler(this::delete);
    }

    private void list(RoutingContext ctx) {
        guarded(ctx, () -> {
            EntityCodec<?> codec = codec(ctx);
            List<? extends DirectoryEntry> all = directory().all(codec.kind());
            int offset = Params.whole(ctx, "offset", 0, Integer.MAX_VALUE, 0);
            int limit = Params.whole(ctx, "limit", 1, 1000, 100);
            ObjectNode page = Json.object();
            ArrayNode items = page.putArray("items");
            all.stream().skip(offset).limit(limit).forEach(entry -> items.add(codec.writeEntry(entry)));
            page.put("total", all.size()).put("offset", offset).put("limit", limit);
            Replies.json(ctx, 200, page);
        });
    }

    private void get(RoutingContext ctx) {
        guarded(ctx, () -> {
            EntityCodec<?> codec = codec(ctx);
            DirectoryEntry entry = directory().get(codec.kind(), pathId(ctx));
            if (entry == null) {
                throw new ApiRefusal(404, "id", "no " + KindNames.singular(codec.kind()) + " with id \"" + pathId(ctx) + "\"");
            }
            Replies.json(ctx, 200, codec.writeEntry(entry));
        });
    }

    private void put(RoutingContext ctx) {
        guarded(ctx, () -> {
            EntityCodec<?> codec = codec(ctx);
            String id = pathId(ctx);
            directory();
            JsonNode body = body(ctx, Json.standard());
            if (!body.isObject()) {
                throw new ApiRefusal(400, "body", "expected a JSON object");
            }
            ObjectNode entry = (ObjectNode) body;
            if (!entry.has("id")) {
                entry.put("id", id);
            } else if (!id.equals(entry.get("id").asText())) {
                throw new ApiRefusal(400, "id", "is \"" + entry.get("id").asText() + "\" in the body but \"" + id + "\" in the path");
            }
            DirectoryEntry decoded = decode(codec, entry);
            Replies.when(ctx, editor.put(decoded), created -> Replies.json(ctx, created ? 201 : 200, codec.writeEntry(decoded)));
        });
    }

    private void delete(RoutingContext ctx) {
        guarded(ctx, () -> {
            EntityCodec<?> codec = codec(ctx);
            String id = pathId(ctx);
            directory();
            Replies.when(ctx, editor.delete(codec.kind(), id), done -> ctx.response().setStatusCode(204).end());
        });
    }

    private void exportKind(RoutingContext ctx) {
        guarded(ctx, () -> {
            EntityCodec<?> codec = codec(ctx);
            String format = Params.oneOf(ctx, "format", List.of("json", "csv"), "json");
            List<ObjectNode> entries = directory().all(codec.kind()).stream().map(codec::writeEntry).toList();
            if (format.equals("csv")) {
                requireCsvForm(codec);
                ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                        .putHeader("Content-Disposition", "attachment; filename=\"" + KindNames.plural(codec.kind()) + ".csv\"")
                        .end(CsvRows.write(codec, entries));
            } else {
                Replies.json(ctx, 200, Json.object().arrayNode().addAll(entries));
            }
        });
    }

    private void exportAll(RoutingContext ctx) {
        guarded(ctx, () -> {
            Directory directory = directory();
            ObjectNode document = Json.object();
            for (EntityCodec<?> codec : Codecs.ALL) {
                ArrayNode items = document.putArray(KindNames.plural(codec.kind()));
                directory.all(codec.kind()).forEach(entry -> items.add(codec.writeEntry(entry)));
            }
            Replies.json(ctx, 200, document);
        });
    }

    private void importKind(RoutingContext ctx) {
        guarded(ctx, () -> {
            EntityCodec<?> codec = codec(ctx);
            boolean dryRun = Params.bool(ctx, "dryRun", false);
            directory();
            String kind = KindNames.plural(codec.kind());
            List<ImportRow> rows = new ArrayList<>();
            if (isCsv(ctx)) {
                requireCsvForm(codec);
                for (CsvRows.Row row : CsvRows.read(codec, bytes(ctx), MAX_IMPORT_ROWS)) {
                    rows.add(decodeRow(codec, kind, row.number(), row.json()));
                }
            } else {
                JsonNode body = body(ctx, IMPORT_JSON);
                if (!body.isArray()) {
                    throw new ApiRefusal(400, "body", "expected a JSON array of " + kind + " (or text/csv)");
                }
                addArray(rows, codec, kind, body);
            }
            Replies.when(ctx, editor.importRows(rows, dryRun), report -> Replies.json(ctx, 200, report(report)));
        });
    }

    private void importAll(RoutingContext ctx) {
        guarded(ctx, () -> {
            boolean dryRun = Params.bool(ctx, "dryRun", false);
            directory();
            JsonNode body = body(ctx, IMPORT_JSON);
            if (!body.isObject()) {
                throw new ApiRefusal(400, "body", "expected a JSON object with arrays named " + Codecs.paths());
            }
            List<ImportRow> rows = new ArrayList<>();
            for (var names = body.fieldNames(); names.hasNext(); ) {
                String kind = names.next();
                EntityCodec<?> codec = Codecs.byPath(kind);
                if (codec == null) {
                    throw new ApiRefusal(400, kind, "unknown kind; expected some of " + Codecs.paths());
                }
                if (!body.get(kind).isArray()) {
                    throw new ApiRefusal(400, kind, "expected an array");
                }
                addArray(rows, codec, kind, body.get(kind));
            }
            Replies.when(ctx, editor.importRows(rows, dryRun), report -> Replies.json(ctx, 200, report(report)));
        });
    }

    private static void addArray(List<ImportRow> rows, EntityCodec<?> codec, String kind, JsonNode array) {
        if (rows.size() + array.size() > MAX_IMPORT_ROWS) {
            throw new ApiRefusal(413, kind, "at most " + MAX_IMPORT_ROWS + " rows per import");
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            rows.add(element.isObject() ? decodeRow(codec, kind, i + 1, (ObjectNode) element)
                    : new ImportRow(i + 1, kind, null, new Problem("", "expected a JSON object")));
        }
    }

    private static ImportRow decodeRow(EntityCodec<?> codec, String kind, int number, ObjectNode json) {
        try {
            return new ImportRow(number, kind, decode(codec, json), null);
        } catch (ApiRefusal r) {
            return new ImportRow(number, kind, null, new Problem(r.field(), r.reason()));
        }
    }

    private static DirectoryEntry decode(EntityCodec<?> codec, ObjectNode json) {
        try {
            return codec.read(FieldReader.root(json, new Notes()));
        } catch (DecodeException e) {
            throw new ApiRefusal(400, e.path(), e.reason());
        } catch (IllegalArgumentException e) {
            throw new ApiRefusal(400, "", e.getMessage());
        }
    }

    private static ObjectNode report(ImportReport report) {
        ObjectNode json = Json.object();
        json.put("accepted", report.accepted()).put("dryRun", report.dryRun());
        ArrayNode rejected = json.putArray("rejected");
        for (ImportReport.Rejected row : report.rejected()) {
            rejected.addObject().put("kind", row.kind()).put("row", row.row()).put("field", row.field())
                    .put("reason", row.reason());
        }
        return json;
    }

    private Directory directory() {
        Directory directory = current.lastKnown();
        if (directory == null) {
            throw DirectoryEditor.stillLoading();
        }
        return directory;
    }

    private static EntityCodec<?> codec(RoutingContext ctx) {
        EntityCodec<?> codec = Codecs.byPath(ctx.pathParam("kind"));
        if (codec == null) {
            throw new ApiRefusal(404, "kind", "expected one of " + Codecs.paths());
        }
        return codec;
    }

    private static String pathId(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (!EntityId.valid(id)) {
            throw new ApiRefusal(400, "id", EntityId.RULE);
        }
        return id;
    }

    private static void requireCsvForm(EntityCodec<?> codec) {
        if (codec.csvColumns().isEmpty()) {
            throw new ApiRefusal(415, "format", KindNames.plural(codec.kind()) + " have no CSV form; use JSON");
        }
    }

    private static boolean isCsv(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || type.startsWith("application/json")) {
            return false;
        }
        if (type.startsWith("text/csv")) {
            return true;
        }
        throw new ApiRefusal(415, "Content-Type", "expected application/json or text/csv");
    }

    private static byte[] bytes(RoutingContext ctx) {
        return ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    }

    static JsonNode body(RoutingContext ctx, Json json) {
        try {
            return json.parse(bytes(ctx));
        } catch (DecodeException e) {
            throw new ApiRefusal(400, "body", e.getMessage());
        }
    }

    static void guarded(RoutingContext ctx, Runnable handler) {
        try {
            handler.run();
        } catch (RuntimeException e) {
            Replies.failure(ctx, e);
        }
    }
}
