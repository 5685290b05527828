package io.gatehouse.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.core.store.Ingested;
import io.gatehouse.server.DevicePayloads;
import io.gatehouse.server.HubConfig;
import io.gatehouse.server.TestHub;
import io.gatehouse.server.console.SiteEvents.Person;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An operator at the console, in a real headless Chromium against a real hub on loopback: signs in, watches
 * events arrive live (one of them named by a hostile device), opens one, searches, and keeps watching across a
 * restart of the hub without missing or repeating an event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {
    static final String HOSTILE = "<img src=x onerror=alert(1)>";
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final String SERIAL = "PSC700C0MC22F02542";

    Path data;
    TestHub hub;
    ChromeDriver browser;
    WebDriverWait wait;
    int uuids;

    @BeforeAll
    void start(@TempDir Path dataDir, @TempDir Path profile) throws Exception {
        if (!Chromium.installed()) {
            return; // each test is skipped with the reason (a skip here would not say why)
        }
        data = dataDir;
        hub = new TestHub(data);
        hub.append(visit(new Person("5", "王五", 1, "研发"), true, T0));
        hub.append(visit(new Person("7", "Anna Schmidt", 2, "Visitors"), true, T0.plusSeconds(30)));
        browser = Chromium.start(profile, 1400, 900);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @BeforeEach
    void needsTheBrowser() {
        Chromium.assumeInstalled();
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void aWrongTokenIsRefusedWithAClearMessageAndNothingIsShown() {
        browser.get(hubUrl("/"));
        browser.executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
        WebElement token = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        token.sendKeys("not-the-token");
        token.submit();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sign-in-message"), "401"));
        assertThat(browser.findElement(By.id("sign-in-message")).getText())
                .contains("The hub did not accept this token (401 Unauthorized)");
        assertThat(browser.findElement(By.id("nav")).isDisplayed()).isFalse();
        assertThat(browser.getCurrentUrl()).doesNotContain("not-the-token");
    }

    @Test
    void anEventAppearsLiveWithItsSnapshotAndAHostileNameIsShownAsText() throws Exception {
        signedIn("#/live");
        waitUntilLive();
        assertThat(browser.findElements(By.cssSelector("table.events tbody tr"))).hasSizeGreaterThanOrEqualTo(2);

        long seq = hub.append(visit(new Person("666", HOSTILE, 5, "<b>x</b>"), false, T0.plusSeconds(60))).seq();

        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(rowOf(seq)));
        assertThat(row.findElement(By.cssSelector("a.person")).getText()).isEqualTo(HOSTILE);
        assertThat(row.getText()).contains("Refused", "blacklisted", "<b>x</b>");
        assertNoInjectedMarkup();
        WebElement thumbnail = row.findElement(By.cssSelector("img.thumb"));
        wait.until(d -> decoded(thumbnail));
        assertThat(thumbnail.getAttribute("src")).startsWith("blob:");
        assertThat(browser.findElement(By.cssSelector(".counts")).getText()).contains("1 refused");
    }

    @Test
    void anEventsDetailShowsEveryFieldItsImagesAndTheRawPayload() throws Exception {
        Ingested visit = visit(new Person("666", HOSTILE, 5, "Blocked"), false, T0.plusSeconds(90));
        long seq = hub.append(visit).seq();
        String sha256 = visit.event().images().get(0).sha256();
        signedIn("#/live");
        // by keyboard, as an operator without a mouse would
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-seq='" + seq + "'] a.person")))
                .sendKeys(Keys.ENTER);

        WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("h1.event-title")));
        assertThat(title.getText()).isEqualTo(HOSTILE);
        assertThat(browser.getCurrentUrl()).endsWith("#/events/" + seq);
        String fields = browser.findElement(By.cssSelector(".fields")).getText();
        assertThat(fields).contains("Person id", "666", "blacklisted", SERIAL, "record push",
                "sense recognition v1.3.0", "#" + seq);
        assertThat(browser.findElement(By.cssSelector(".pictures")).getText()).contains("face snapshot", sha256);
        WebElement picture = browser.findElement(By.cssSelector("img.large"));
        wait.until(d -> decoded(picture));
        String payload = browser.findElements(By.cssSelector("details.json pre")).get(1).getAttribute("textContent");
        assertThat(payload).contains("\"rgb_image\": \"blob:sha256:" + sha256 + "\"", "\"deviceSN\": \"" + SERIAL + "\"")
                .contains(HOSTILE);
        assertNoInjectedMarkup();
    }

    @Test
    void theSearchFiltersByPartOfAName() {
        signedIn("#/events?personName=%E7%8E%8B&passed=true");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".result-status"), "shown"));
        List<WebElement> names = browser.findElements(By.cssSelector("table.events a.person"));
        assertThat(names).extracting(WebElement::getText).containsExactly("王五");
        assertThat(browser.findElement(By.id("f-personName")).getAttribute("value")).isEqualTo("王");
    }

    @Test
    void theDevicesViewShowsEachRegisteredDeviceWithItsState() throws Exception {
        String id = "lobby-" + System.nanoTime(); // the hub is shared by the tests of this class
        assertThat(hub.send(hub.request("/api/devices").POST(HttpRequest.BodyPublishers.ofString("{\"kind\": \"terminal\","
                + " \"id\": \"" + id + "\", \"name\": \"Lobby\", \"host\": \"192.0.2.21\"}")).build()).statusCode())
                .isEqualTo(201);
        signedIn("#/devices");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("table.devices"), id));
        assertThat(browser.findElement(By.cssSelector("table.devices")).getText().toLowerCase())
                .contains("192.0.2.21:8000", "waiting");
    }

    @Test
    void afterTheHubRestartsTheLiveViewResumesWithoutMissingOrRepeatingAnEvent() throws Exception {
        signedIn("#/live");
        waitUntilLive();
        int port = hub.hub.port();
        hub.close();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".stream-state"), "trying again"));
        long missed;
        try (TestHub elsewhere = new TestHub(data)) { // the same store on another port: the console cannot see it
            missed = elsewhere.append(visit(new Person("8", "佐藤 花子", 1, "総務"), true, T0.plusSeconds(120))).seq();
        }
        hub = new TestHub(HubConfig.defaults().withPort(port).withDataDir(data).withAdminToken(TestHub.TOKEN));

        wait.until(ExpectedConditions.presenceOfElementLocated(rowOf(missed)));
        waitUntilLive();
        long next = hub.append(visit(new Person("9", "João Silva", 1, "Ops"), true, T0.plusSeconds(150))).seq();
        wait.until(ExpectedConditions.presenceOfElementLocated(rowOf(next)));
        assertThat(browser.findElements(rowOf(missed))).hasSize(1);
    }

    @Test
    void whenTheHubStopsAcceptingTheTokenTheConsoleSaysSoAndAsksAgain() throws Exception {
        signedIn("#/live");
        waitUntilLive();
        restartHub("a-new-admin-token");
        try {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sign-in-message"),
                    "no longer accepts the token of this session (401 Unauthorized)"));
            assertThat(browser.findElement(By.id("nav")).isDisplayed()).isFalse();
            assertThat(browser.executeScript("return sessionStorage.length")).isEqualTo(0L);
        } finally {
            restartHub(TestHub.TOKEN);
        }
    }

    @Test
    void theStreamParserReadsEventsSplitAnywhereWithEveryKindOfLineEnd() {
        signedIn("#/health");
        Object read = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('./js/stream.js').then(({ EventStreamParser }) => {
                  const events = [];
                  let retry = null;
                  const parser = new EventStreamParser((e) => events.push(e), (ms) => { retry = ms; });
                  ['retry: 2000\\n\\nid: 4', '1\\r', '\\nevent: access\\r\\ndata: {"seq"', ':41}\\r\\n\\r',
                   '\\n: keep-alive\\n\\n', 'id: 42\\revent: alarm\\rdata: a\\rdata:b\\r\\r', 'data: no end yet']
                    .forEach((chunk) => parser.push(chunk));
                  done(JSON.stringify({ events, retry }));
                });""");
        assertThat(read).isEqualTo("{\"events\":["
                + "{\"id\":\"41\",\"type\":\"access\",\"data\":\"{\\\"seq\\\":41}\"},"
                + "{\"id\":\"42\",\"type\":\"alarm\",\"data\":\"a\\nb\"}],\"retry\":2000}");
    }

    private void restartHub(String token) throws Exception {
        int port = hub.hub.port();
        hub.close();
        hub = new TestHub(HubConfig.defaults().withPort(port).withDataDir(data).withAdminToken(token));
    }

    private Ingested visit(Person person, boolean pass, Instant at) {
        return SiteEvents.recognition(SERIAL, DevicePayloads.DEVICE_ID, "visit-" + (++uuids), person, pass, 0.93, at,
                at.plusMillis(300), Portraits.jpeg(uuids));
    }

    private void signedIn(String fragment) {
        Chromium.signedIn(browser, wait, hubUrl("/console/" + fragment), TestHub.TOKEN);
    }

    private void waitUntilLive() {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".stream-state"), "live"));
    }

    private static By rowOf(long seq) {
        return By.cssSelector("tr[data-seq='" + seq + "']");
    }

    private boolean decoded(WebElement img) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", img));
    }

    /** The hostile name never became an element, and nothing it carried ran. */
    private void assertNoInjectedMarkup() {
        assertThat(browser.findElements(By.cssSelector("img[src='x'], b"))).isEmpty();
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    private String hubUrl(String path) {
        return "http://127.0.0.1:" + hub.hub.port() + path;
    }
}
