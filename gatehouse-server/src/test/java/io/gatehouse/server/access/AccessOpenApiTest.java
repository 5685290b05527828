package io.gatehouse.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAPI fragment documents every access route and every schema it refers to. */
class AccessOpenApiTest {
    @Test
    void everyRouteIsDocumentedAndEveryReferenceResolves() throws Exception {
        JsonNode spec;
        try (InputStream in = getClass().getResourceAsStream("/openapi/access.yaml")) {
            spec = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        assertThat(spec.get("openapi").asText()).startsWith("3.1");
        assertThat(spec.get("paths").fieldNames()).toIterable().containsExactlyInAnyOrder(
                "/api/access/{kind}", "/api/access/{kind}/{id}", "/api/access/export/{kind}", "/api/access/import/{kind}",
                "/api/access/export", "/api/access/import", "/api/access/tips", "/api/access/decisions",
                "/api/access/health");
        List<String> refs = new ArrayList<>();
        collectRefs(spec, refs);
        for (String ref : refs) {
            String[] parts = ref.substring(2).split("/");
            assertThat(spec.path(parts[0]).path(parts[1]).path(parts[2]).isMissingNode()).as(ref).isFalse();
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }
}
