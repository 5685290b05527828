package io.gatehouse.server.access.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.core.policy.Reason;
import io.gatehouse.core.policy.answer.ScreenText;
import io.gatehouse.core.policy.answer.TipCatalog;
import io.gatehouse.core.policy.authorize.CurrentDirectory;
import io.gatehouse.protocol.json.Json;
import io.gatehouse.server.access.directory.DirectoryEditor;
import io.gatehouse.server.api.ApiRefusal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code GET /api/access/tips} shows the built-in tips and the operator's overrides; {@code PUT} replaces the
 * overrides with {@code {"<language>": {"<REASON>": "<template>"}}}, where {@code {name}} is the person's name.
 */
final class TipRoutes {
    private static final int MAX_TEMPLATE = 64;

    private final CurrentDirectory current;
    private final DirectoryEditor editor;

    TipRoutes(CurrentDirectory current, DirectoryEditor editor) {
        this.current = current;
        this.editor = editor;
    }

    void mount(Router r) {
        r.get("/tips").handler(this::get);
        r.put("/tips").handler(this::put);
    }

    private void get(RoutingContext ctx) {
        DirectoryRoutes.guarded(ctx, () -> {
            var directory = current.lastKnown();
            if (directory == null) {
                throw DirectoryEditor.stillLoading();
            }
            ObjectNode body = Json.object();
            body.set("overrides", Json.standard().mapper().valueToTree(directory.tips().overrides()));
            body.set("builtIn", Json.standard().mapper().valueToTree(TipCatalog.builtIn()));
            Replies.json(ctx, 200, body);
        });
    }

    private void put(RoutingContext ctx) {
        DirectoryRoutes.guarded(ctx, () -> {
            if (current.lastKnown() == null) {
                throw DirectoryEditor.stillLoading();
            }
            Map<String, Map<String, String>> overrides = read(ctx);
            Replies.when(ctx, editor.replaceTips(overrides), done -> get(ctx));
        });
    }

    private static Map<String, Map<String, String>> read(RoutingContext ctx) {
        JsonNode body = DirectoryRoutes.body(ctx, Json.standard());
        if (!body.isObject()) {
            throw new ApiRefusal(400, "body", "expected {\"<language>\": {\"<REASON>\": \"<template>\"}}");
        }
        Map<String, Map<String, String>> overrides = new HashMap<>();
        for (var language : (Iterable<Map.Entry<String, JsonNode>>) body::fields) {
            if (!TipCatalog.isLanguage(language.getKey()) || !language.getValue().isObject()) {
                throw new ApiRefusal(400, language.getKey(), "a language code (en, zh, pt-BR) naming an object of templates");
            }
            Map<String, String> templates = new HashMap<>();
            for (var tip : (Iterable<Map.Entry<String, JsonNode>>) language.getValue()::fields) {
                String field = language.getKey() + "." + tip.getKey();
                if (Arrays.stream(Reason.values()).noneMatch(r -> r.name().equals(tip.getKey()))) {
                    throw new ApiRefusal(400, field, "unknown outcome; expected one of " + Arrays.toString(Reason.values()));
                }
                String template = tip.getValue().isTextual() ? tip.getValue().textValue() : null;
                if (template == null || ScreenText.length(template) > MAX_TEMPLATE
                        || template.chars().anyMatch(Character::isISOControl)) {
                    throw new ApiRefusal(400, field, "a text of at most " + MAX_TEMPLATE
                            + " characters without control characters; the screen shows the first "
                            + ScreenText.DEFAULT_LENGTH);
                }
                templates.put(tip.getKey(), template);
            }
            overrides.put(language.getKey(), templates);
        }
        return overrides;
    }
}
