package io.gatehouse.server.console;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium, driven through the system's chromedriver (Debian packages {@code chromium} and
 * {@code chromium-driver}; {@code .ci/run} installs them). Both paths are given explicitly, so Selenium Manager never
 * looks for, or downloads, a browser or a driver. Without them the browser tests are skipped, not failed: a fresh
 * machine with only a JDK still builds.
 */
final class Chromium {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** Why the browser tests are skipped on this machine. */
    static final String MISSING = "the console's browser tests need /usr/bin/chromium and /usr/bin/chromedriver"
            + " (Debian: apt-get install chromium chromium-driver; .ci/run installs them)";

    private Chromium() {
    }

    static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    /** Skips the calling test, with the reason, when the browser or its driver is not installed. */
    static void assumeInstalled() {
        assumeTrue(installed(), MISSING);
    }

    /** A fresh headless browser with its own profile in {@code profile}, of the given window size. */
    static ChromeDriver start(Path profile, int width, int height) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File(BROWSER.toString()));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + width + "," + height, "--lang=en-US");
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /**
     * Opens {@code url} (a console address) and signs in with {@code token} if the console asks (the tab may still
     * hold a token from an earlier test); returns once the console shows its views.
     */
    static void signedIn(ChromeDriver browser, WebDriverWait wait, String url, String token) {
        browser.get(url);
        WebElement field = browser.findElement(By.id("token"));
        wait.until(d -> field.isDisplayed() || d.findElement(By.id("nav")).isDisplayed());
        if (field.isDisplayed()) {
            field.clear();
            field.sendKeys(token);
            field.submit();
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav")));
    }
}
