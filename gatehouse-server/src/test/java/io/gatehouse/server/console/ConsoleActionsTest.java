package io.gatehouse.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.server.TestHub;
import io.gatehouse.server.connect.Emulated;
import io.gatehouse.server.device.DeviceHub;
import io.gatehouse.simulator.SimulatedSite;
import io.gatehouse.simulator.SiteConfig;
import io.gatehouse.simulator.device.DeviceCertificate;
import io.gatehouse.simulator.device.NetworkCondition;
import io.gatehouse.simulator.terminal.Terminal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An operator acting from the console's Devices view, in a real headless Chromium against a real hub connected to
 * emulated terminals on loopback: opens a door (the terminal's own counter says it opened, the audit panel names
 * the operator), meets a terminal that cannot be reached (the error is shown, what was entered stays, and the same
 * dialog succeeds once the terminal is back), and accepts the certificate of a terminal that was reset.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(value = "io.gatehouse.server.console.Chromium#installed", disabledReason = Chromium.MISSING)
class ConsoleActionsTest {
    private static final By DIALOG = By.cssSelector("dialog.action[open]");

    DeviceHub hub;
    SimulatedSite site;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeAll
    void start(@TempDir Path data, @TempDir Path profile) throws Exception {
        site = SimulatedSite.start(SiteConfig.forTests().withFirstAddress("127.0.4.51").withDevices(3, 0, 0));
        hub = new DeviceHub(data);
        hub.register("lab", terminal(0), "push");
        hub.register("cellar", terminal(1), "push");
        hub.register("annex", terminal(2), "push");
        hub.register("{\"kind\": \"se-box\", \"id\": \"yard\", \"host\": \"127.0.4.59\", \"restPort\": 9}");
        await().atMost(Duration.ofSeconds(15)).until(() -> List.of("lab", "cellar", "annex").stream()
                .allMatch(id -> state(id).equals("ONLINE")));
        browser = Chromium.start(profile, 1500, 900);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable started : new AutoCloseable[] {browser == null ? null : browser::quit, hub, site}) {
            if (started != null) {
                started.close(); // null: the start stopped before it
            }
        }
    }

    @Test
    void anOperatorOpensADoorWhichTheTerminalOpensAndTheAuditPanelNamesThem() {
        long opened = terminal(0).counters().doorOpened();
        signedIn(null);

        click("lab", "door");
        // no operator yet: the console asks once, then goes on to the door
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-operator")));
        name.sendKeys("guard\u200b7"); // an invisible format character: the hub would not record the name
        confirm();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("dialog.action[open] .message.error"))).getText()).contains("without control characters");
        name.clear();
        name.sendKeys("Maria Lopez");
        confirm();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.action[open] fieldset.modes")));
        assertThat(browser.findElements(By.cssSelector("dialog.action[open] input[name=mode]")))
                .extracting(radio -> radio.getAttribute("value")).containsExactly("open", "always-open", "always-closed");
        assertThat(terminal(0).counters().doorOpened()).as("nothing happens before the confirmation").isEqualTo(opened);
        browser.findElement(By.id("f-reason")).sendKeys("courier at the lab");
        confirm();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("dialog.action .message.success"),
                "The terminal opened the door (open_mode 0)"));
        assertThat(terminal(0).counters().doorOpened()).isEqualTo(opened + 1);
        confirm(); // Close
        WebElement entry = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("section.audit tbody tr")));
        assertThat(entry.getText()).contains("Maria Lopez", "door: open", "courier at the lab", "ok");
        assertThat(browser.getCurrentUrl()).endsWith("#/devices?audit=lab");
        assertThat(browser.findElement(By.id("operator")).getText()).isEqualTo("Operator: Maria Lopez");
        assertThat(row("yard").findElements(By.cssSelector("[data-action=door]"))).isEmpty();
        assertThat(row("yard").getText()).contains("an SE box has no door command");
    }

    @Test
    void aDoorCommandTheTerminalCannotReceiveShowsTheErrorAndTheDialogKeepsWhatWasEntered() throws Exception {
        Terminal cellar = terminal(1);
        long opened = cellar.counters().doorOpened();
        signedIn("guard-7");
        cellar.setNetwork(NetworkCondition.offline()).toCompletionStage().toCompletableFuture().get();
        try {
            click("cellar", "door");
            wait.until(ExpectedConditions.visibilityOfElementLocated(DIALOG));
            browser.findElement(By.cssSelector("dialog.action[open] input[value=always-open]")).click();
            browser.findElement(By.id("f-reason")).sendKeys("fire drill");
            assertThat(confirmButton().getText()).isEqualTo("Hold the door open");
            confirm();

            WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("dialog.action[open] .message.error")));
            assertThat(error.getText()).contains("HTTP 502 device_failed", "the terminal did not carry out the command");
            assertThat(browser.findElement(By.cssSelector("dialog.action[open] input[value=always-open]")).isSelected())
                    .isTrue();
            assertThat(browser.findElement(By.id("f-reason")).getAttribute("value")).isEqualTo("fire drill");
            assertThat(confirmButton().isEnabled()).isTrue();
            assertThat(cellar.counters().doorOpened()).isEqualTo(opened);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("section.audit tbody tr"),
                    "failed"));
            assertThat(browser.findElement(By.cssSelector("section.audit tbody tr")).getText())
                    .contains("guard-7", "door: always-open", "fire drill");
        } finally {
            cellar.setNetwork(NetworkCondition.UP).toCompletionStage().toCompletableFuture().get();
        }

        // the terminal is back: the same dialog, as it was left, now gets the door held open
        await().atMost(Duration.ofSeconds(15)).until(() -> state("cellar").equals("ONLINE"));
        confirm();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("dialog.action .message.success"),
                "The terminal holds the door open (open_mode 1)"));
        JsonNode audit = hub.get("/api/devices/cellar/audit").path("entries");
        assertThat(audit.get(0).path("actor").asText()).isEqualTo("guard-7");
        assertThat(audit.get(0).path("outcome").asText()).isEqualTo("ok");
        assertThat(audit.get(1).path("outcome").asText()).startsWith("failed:");
        confirm();
    }

    @Test
    void aResetTerminalsNewCertificateIsShownBesideThePinnedOneAndAcceptedAsTheOperator() throws Exception {
        Terminal annex = terminal(2);
        String pinned = Emulated.fingerprint(annex.certificate());
        DeviceCertificate replaced = Emulated.newCertificate(annex);
        String presented = Emulated.fingerprint(replaced);
        annex.restart(replaced).toCompletionStage().toCompletableFuture().get();
        await().atMost(Duration.ofSeconds(15)).until(() -> state("annex").equals("CERTIFICATE_CHANGED"));
        signedIn("王五"); // not ASCII: the console percent-encodes it into the header, the hub decodes it

        click("annex", "certificate");
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(DIALOG));
        assertThat(dialog.getText()).contains(colons(pinned), colons(presented), "王五");
        confirm();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("dialog.action .message.success"),
                "Pinned " + colons(presented)));
        await().atMost(Duration.ofSeconds(15)).until(() -> state("annex").equals("ONLINE"));
        confirm();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("section.audit tbody tr"),
                "certificate accepted"));
        assertThat(browser.findElement(By.cssSelector("section.audit tbody tr")).getText()).contains("王五");
    }

    private Terminal terminal(int i) {
        return site.terminals().get(i);
    }

    private String state(String id) {
        try {
            return hub.state(id);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The Devices view, signed in, with this operator name kept in the browser (null: none yet). */
    private void signedIn(String operator) {
        String url = "http://127.0.0.1:" + hub.hub.hub.port() + "/console/#/devices";
        browser.get(url);
        browser.executeScript(operator == null ? "localStorage.removeItem('gatehouse.operator')"
                : "localStorage.setItem('gatehouse.operator', arguments[0])", operator);
        Chromium.signedIn(browser, wait, url, TestHub.TOKEN);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.devices tr[data-id=yard]")));
    }

    private WebElement row(String id) {
        return browser.findElement(By.cssSelector("table.devices tr[data-id='" + id + "']"));
    }

    /** Clicks a device's action; the list refreshes every few seconds, so a row found may be replaced meanwhile. */
    private void click(String id, String action) {
        wait.ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    row(id).findElement(By.cssSelector("[data-action='" + action + "']")).click();
                    return true;
                });
    }

    private WebElement confirmButton() {
        return browser.findElement(By.cssSelector("dialog.action[open] button.confirm"));
    }

    private void confirm() {
        confirmButton().click();
    }

    private static String colons(String hex) {
        return hex.toUpperCase().replaceAll("(..)(?!$)", "$1:");
    }
}
