package io.gatehouse.server.console;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gatehouse.core.store.Ingested;
import io.gatehouse.server.TestHub;
import io.gatehouse.server.console.SiteEvents.Person;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Takes the console's pictures for the documentation (docs/images), from a hub holding a morning at a small site.
 * Runs only when asked, with the folder to write to:
 * {@code ./mvnw -B -pl gatehouse-server -am verify -Dtest=ConsoleScreenshots -Dsurefire.failIfNoSpecifiedTests=false
 * -Dconsole.screenshots=$PWD/docs/images}.
 */
class ConsoleScreenshots {
    private static final String LOBBY = "PSC700C0MC22F02542";
    private static final String GARAGE = "PSC700C0MC22F02577";
    private static final List<Person> PEOPLE = List.of(
            new Person("5", "王五", 1, "研发"), new Person("12", "Anna Schmidt", 2, "Visitors"),
            new Person("21", "佐藤 花子", 1, "総務"), new Person("33", "João Silva", 1, "Operations"),
            new Person("40", "김민준", 1, "Engineering"), new Person("41", "Priya Natarajan", 1, "Finance"),
            new Person("52", "李娜", 1, "财务"), new Person("60", "Mohammed Al-Farsi", 1, "Security"),
            new Person("77", "Lukas Novák", 2, "Visitors"), new Person("90", "Viktor Petrov", 5, "Blocked"));

    private int made;

    @Test
    void takeTheDocumentationsPictures(@TempDir Path data, @TempDir Path profile) throws Exception {
        String folder = System.getProperty("console.screenshots");
        assumeTrue(folder != null, "pictures for the documentation are taken only when -Dconsole.screenshots=DIR");
        Chromium.assumeInstalled();
        Path out = Files.createDirectories(Path.of(folder));
        Instant now = Instant.now();
        try (TestHub hub = new TestHub(data)) {
            morning(hub, now.minus(Duration.ofMinutes(40)));
            ChromeDriver browser = Chromium.start(profile, 1400, 1000);
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                browser.get("http://127.0.0.1:" + hub.hub.port() + "/console/#/live");
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(TestHub.TOKEN);
                browser.findElement(By.id("token")).submit();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".stream-state"), "live"));
                hub.append(visit(PEOPLE.get(6), LOBBY, "lobby-east", true, now.minusSeconds(20)));
                hub.append(visit(PEOPLE.get(0), LOBBY, "lobby-east", true, now.minusSeconds(4)));
                Thread.sleep(1_500); // the thumbnails load and the newest row still glows
                shoot(browser, wait, out.resolve("console.png"));

                long refused = hub.append(visit(PEOPLE.get(9), GARAGE, "garage", false, now.minusSeconds(2))).seq();
                browser.get("http://127.0.0.1:" + hub.hub.port() + "/console/#/events/" + refused);
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("h1.event-title")));
                browser.executeScript("document.querySelectorAll('details.json')[1].open = true");
                Thread.sleep(800);
                shoot(browser, wait, out.resolve("console-event.png"));
            } finally {
                browser.quit();
            }
        }
    }

    /** A morning: people arriving through two doors, a refused visitor, a replayed record, a tamper alarm. */
    private void morning(TestHub hub, Instant start) throws Exception {
        for (int i = 0; i < 24; i++) {
            Person person = PEOPLE.get((i * 7) % (PEOPLE.size() - 1));
            boolean lobby = i % 3 != 0;
            Instant at = start.plusSeconds(i * 95L);
            hub.append(visit(person, lobby ? LOBBY : GARAGE, lobby ? "lobby-east" : "garage", true, at));
        }
        hub.append(visit(null, GARAGE, "garage", false, start.plusSeconds(1_800)));
        Instant replayed = start.plusSeconds(600);
        hub.append(SiteEvents.recognition(GARAGE, "garage", "replay-1", PEOPLE.get(7), true, 0.97, replayed,
                replayed.plus(Duration.ofMinutes(31)), Portraits.jpeg(7)));
        hub.append(SiteEvents.alarm(GARAGE, "garage", "SPX-garage-1", 10001, 1, "tamper switch opened",
                start.plusSeconds(2_100), Portraits.jpeg(1234)));
        hub.append(visit(PEOPLE.get(9), GARAGE, "garage", false, start.plusSeconds(2_250)));
    }

    private Ingested visit(Person person, String serial, String device, boolean pass, Instant at) {
        made++;
        long face = person == null ? 999 : Long.parseLong(person.id());
        return SiteEvents.recognition(serial, device, "visit-" + made, person, pass, 0.86 + (made % 13) / 100.0, at,
                at.plusMillis(250 + made * 17L % 400), Portraits.jpeg(face));
    }

    private static void shoot(ChromeDriver browser, WebDriverWait wait, Path file) throws Exception {
        wait.until((WebDriver d) -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return [...document.images].every(i => i.complete)"));
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
    }
}
