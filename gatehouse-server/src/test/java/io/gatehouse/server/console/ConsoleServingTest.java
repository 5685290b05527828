package io.gatehouse.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.TestHub;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a browser gets from a real hub when it opens the console: the page and its files without a token, with
 * the right types and headers; and every hub address the console's scripts call is either under {@code /api},
 * refused without the token, or one of the public health endpoints.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleServingTest {
    /** The console's own files; the scripts import each other, so each must be found where the page asks. */
    static final List<String> MODULES = List.of("main.js", "api.js", "dom.js", "format.js", "images.js", "rows.js",
            "search.js", "stream.js", "dialog.js", "actions.js", "views/live.js", "views/events.js", "views/event.js", "views/alarms.js",
            "views/decisions.js", "views/devices.js", "views/health.js");
    /** A hub path in a string or template literal of a script: 'api/events', `api/events/${seq}`, 'metrics'. */
    private static final Pattern HUB_PATH = Pattern.compile("['`]((?:api|health|metrics)(?:/[^'`?\\s]*)?)['`]");
    private static final Pattern IMPORT = Pattern.compile("from '(\\.{1,2}/[^']+)'");

    TestHub hub;

    @BeforeAll
    void start(@TempDir Path data) throws Exception {
        hub = new TestHub(data);
    }

    @AfterAll
    void stop() throws Exception {
        hub.close();
    }

    @Test
    void theHubsRootAndTheBareConsolePathLeadToTheConsoleRelativelySoThatAProxyPrefixSurvives() throws Exception {
        for (String path : List.of("/", "/console")) {
            HttpResponse<String> response = hub.send(hub.anonymous(path).build());
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(path).hasValue("console/");
        }
    }

    @Test
    void thePageLoadsWithoutATokenAsHtmlThatOnlyRunsTheHubsOwnScripts() throws Exception {
        HttpResponse<String> page = hub.send(hub.anonymous("/console/").build());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(page.body()).contains("<script type=\"module\" src=\"js/main.js\"></script>")
                .contains("<input id=\"token\" name=\"token\" type=\"password\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(Console.CONTENT_SECURITY_POLICY);
        assertThat(Console.CONTENT_SECURITY_POLICY).contains("script-src 'self'").doesNotContain("unsafe");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @ParameterizedTest
    @CsvSource({
            "/console/index.html, text/html;charset=UTF-8",
            "/console/console.css, text/css;charset=UTF-8",
            "/console/favicon.svg, image/svg+xml",
            "/console/js/main.js, text/javascript;charset=UTF-8",
            "/console/js/views/live.js, text/javascript;charset=UTF-8"})
    void eachFileIsServedWithItsTypeAndIsRevalidatedOnEachLoad(String path, String contentType) throws Exception {
        HttpResponse<String> response = hub.send(hub.anonymous(path).build());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue(contentType);
        assertThat(response.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
        String lastModified = response.headers().firstValue("Last-Modified").orElseThrow();

        HttpResponse<String> again = hub.send(hub.anonymous(path).header("If-Modified-Since", lastModified).build());
        assertThat(again.statusCode()).as(path + " unchanged").isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void everyModuleThePageImportsIsServed() throws Exception {
        Set<String> imported = new TreeSet<>(List.of("js/main.js"));
        for (String module : MODULES) {
            String base = "js/" + module.substring(0, module.lastIndexOf('/') + 1);
            Matcher m = IMPORT.matcher(source(module));
            while (m.find()) {
                imported.add(Path.of(base + m.group(1)).normalize().toString());
            }
        }
        assertThat(imported).containsExactlyInAnyOrderElementsOf(MODULES.stream().map(m -> "js/" + m).toList());
        for (String file : imported) {
            assertThat(hub.send(hub.anonymous("/console/" + file).build()).statusCode()).as(file).isEqualTo(200);
        }
    }

    @Test
    void aMissingFileIsA404AndNoFileOutsideTheConsoleCanBeReached() throws Exception {
        for (String path : List.of("/console/nothing.js", "/console/../gatehouse.db", "/console/%2e%2e/admin-token",
                "/console/js/../../../pom.xml")) {
            HttpResponse<String> response = hub.send(hub.anonymous(path).build());
            assertThat(response.statusCode()).as(path).isIn(400, 404);
            assertThat(response.body()).as(path).doesNotContain(TestHub.TOKEN);
        }
    }

    @Test
    void everyApiCallOfTheConsoleNeedsTheTokenAndNothingElseItReadsIsSecret() throws Exception {
        Set<String> paths = new TreeSet<>();
        for (String module : MODULES) {
            Matcher m = HUB_PATH.matcher(source(module));
            while (m.find()) {
                paths.add(m.group(1).replaceAll("\\$\\{[^}]*}", "1"));
            }
        }
        assertThat(paths).contains("api/events", "api/events/stream", "api/events/1", "api/images/1", "api/alarms",
                "api/access/decisions", "api/access/health", "api/devices", "api/devices/1/audit", "api/devices/1/door",
                "api/devices/1/certificate");
        for (String path : paths) {
            if (path.startsWith("api/")) {
                HttpResponse<String> anonymous = hub.send(hub.anonymous("/" + path).build());
                assertThat(anonymous.statusCode()).as("/" + path + " without the token").isEqualTo(401);
                // the stream is asked with a bad filter, so that it answers at once instead of streaming
                String probe = "/" + path + (path.equals("api/events/stream") ? "?type=nonsense" : "");
                HttpResponse<String> withToken = hub.send(hub.request(probe).build());
                assertThat(withToken.statusCode()).as("/" + path + " with the token").isNotEqualTo(401);
            } else {
                assertThat(path).as("public, documented without a token").isIn("health/ready", "metrics");
            }
        }
    }

    private static String source(String module) throws IOException {
        try (InputStream in = ConsoleServingTest.class.getResourceAsStream("/" + Console.WEB_ROOT + "/js/" + module)) {
            assertThat(in).as(module).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
