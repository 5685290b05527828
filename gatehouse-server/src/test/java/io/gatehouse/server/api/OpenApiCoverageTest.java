package io.gatehouse.server.api;

import static io.gatehouse.server.TestHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.server.TestHub;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document cannot go stale: every route the hub mounts under /api, /health and /metrics (and the document
 * itself) must be in it, with each path parameter declared and every operation answering something.
 */
class OpenApiCoverageTest {
    private static final Pattern PATH_PARAM = Pattern.compile(":([A-Za-z0-9_]+)");

    @TempDir
    Path data;

    @Test
    void everyMountedRouteIsDescribedWithItsParameters() throws Exception {
        try (TestHub hub = new TestHub(data)) {
            HttpResponse<String> response = hub.send(hub.anonymous("/openapi.json").build());
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode document = json(response);
            assertThat(document.path("openapi").asText()).startsWith("3.");

            List<String> missing = new ArrayList<>();
            int checked = 0;
            for (Endpoint endpoint : endpoints(hub.hub.routes(), "")) {
                Route route = endpoint.route();
                String path = endpoint.path();
                if (!documented(path)) {
                    continue;
                }
                String openApiPath = PATH_PARAM.matcher(path).replaceAll("{$1}");
                for (HttpMethod method : route.methods()) {
                    checked++;
                    JsonNode pathItem = document.path("paths").path(openApiPath);
                    JsonNode operation = pathItem.path(method.name().toLowerCase(Locale.ROOT));
                    if (operation.isMissingNode()) {
                        missing.add(method + " " + openApiPath);
                        continue;
                    }
                    assertThat(operation.path("responses").size()).as(method + " " + path + " responses").isPositive();
                    Matcher params = PATH_PARAM.matcher(path);
                    while (params.find()) {
                        assertThat(declares(document, operation, params.group(1))
                                || declares(document, pathItem, params.group(1)))
                                .as(method + " " + openApiPath + " declares path parameter " + params.group(1)).isTrue();
                    }
                }
            }
            assertThat(missing).as("routes missing from /openapi.json").isEmpty();
            assertThat(checked).isGreaterThanOrEqualTo(10);
        }
    }

    @Test
    void everyReferenceInTheDocumentResolves() throws Exception {
        JsonNode document = OpenApiDocument.assemble(getClass().getClassLoader());
        List<String> dangling = new ArrayList<>();
        collectDangling(document, document, dangling);
        assertThat(dangling).isEmpty();
    }

    /** A route that answers requests, with its full path (a sub-router's routes under their mount point). */
    private record Endpoint(String path, Route route) {
    }

    private static List<Endpoint> endpoints(List<Route> routes, String prefix) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Route route : routes) {
            String path = route.getPath();
            if (path == null) {
                continue; // a handler for every request (body handling), not an endpoint
            }
            String full = prefix + (prefix.isEmpty() ? path : stripTrailingSlash(path));
            if (route.getSubRouter() != null) {
                endpoints.addAll(endpoints(route.getSubRouter().getRoutes(), stripTrailingSlash(full)));
            } else if (route.methods() != null && !route.methods().isEmpty()) {
                endpoints.add(new Endpoint(full, route));
            } // else: a handler for a whole prefix (the admin token check)
        }
        return endpoints;
    }

    private static String stripTrailingSlash(String path) {
        return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    }

    private static boolean documented(String path) {
        return path.startsWith("/api/") || path.startsWith("/health/") || path.equals("/metrics")
                || path.equals("/openapi.json");
    }

    /** Whether an operation, or the path item holding it, declares the path parameter {@code name}. */
    private static boolean declares(JsonNode document, JsonNode operationOrPathItem, String name) {
        for (JsonNode parameter : operationOrPathItem.path("parameters")) {
            JsonNode p = parameter.has("$ref") ? resolve(document, parameter.path("$ref").asText()) : parameter;
            if (p.path("in").asText().equals("path") && p.path("name").asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode resolve(JsonNode document, String ref) {
        return document.at(ref.substring(1));
    }

    private static void collectDangling(JsonNode document, JsonNode node, List<String> dangling) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && resolve(document, ref.asText()).isMissingNode()) {
                dangling.add(ref.asText());
            }
            node.forEach(child -> collectDangling(document, child, dangling));
        } else if (node.isArray()) {
            node.forEach(child -> collectDangling(document, child, dangling));
        }
    }
}
