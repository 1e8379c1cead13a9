package app.immichexport.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.simulator.ImmichLine;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A real Chromium opens the Albums view and finds the simulator's albums in the grid. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AlbumsViewIT {

    @ArquillianResource
    URL deployed;

    private WebDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", "--user-data-dir=" + Files.createTempDirectory("chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    /** Waits, and on time-out keeps a screenshot and the page's text, which say why. */
    private void waitFor(java.util.function.Function<WebDriver, Boolean> condition, String what) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                java.nio.file.Path folder = Files.createDirectories(java.nio.file.Path.of("target", "browser-failures"));
                Files.write(folder.resolve(what.replaceAll("\\W+", "-") + ".png"),
                        ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            } catch (java.io.IOException ignored) {
                // the failure below matters more than its screenshot
            }
            throw new AssertionError("Timed out waiting for " + what + "; the page shows: "
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    /** Read in one script call: the grid re-renders its cells while it filters. */
    @SuppressWarnings("unchecked")
    private List<String> cellTexts() {
        return (List<String>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('vaadin-grid-cell-content')].map(c => c.textContent.trim())");
    }

    @Test
    void showsTheAlbumsOfTheConnectedImmich() {
        TestImmich.simulator().line(ImmichLine.V3);
        browser.get(TestImmich.loopback(deployed));
        waitFor(b -> cellTexts().contains("Summer in Norway"), "the albums");
        List<String> cells = cellTexts();
        assertTrue(cells.containsAll(List.of("Wedding", "Café Noël ☕", "Family (shared by Sam)", "Sam Demo")), cells.toString());
        String status = browser.findElement(By.id("server-status")).getText();
        assertTrue(status.contains("3.2.2"), status);
        assertTrue(browser.findElements(By.id("demo-notice")).isEmpty(), "a configured Immich is not demo data");
        waitFor(b -> b.findElement(By.id("key-capabilities")).getText().contains("download originals"), "the key's permissions");

        WebElement filter = browser.findElement(By.cssSelector("#album-filter input"));
        filter.sendKeys("norway");
        waitFor(b -> !cellTexts().contains("Wedding"), "the filter");
        assertTrue(cellTexts().contains("Summer in Norway"));
    }

    @Test
    void saysPlainlyWhenImmichFailsAndRecoversOnRetry() {
        app.immichexport.simulator.ImmichSimulator immich = TestImmich.simulator();
        immich.faults().errorRate = 1.0;
        try {
            browser.get(TestImmich.loopback(deployed) + "albums");
            waitFor(b -> b.findElement(By.id("albums-retry")).isDisplayed(), "the retry button");
            String message = browser.findElement(By.id("albums-message")).getText();
            assertTrue(message.contains("Immich at http://127.0.0.1:") && message.contains("HTTP 500"), message);
            String page = browser.findElement(By.tagName("body")).getText();
            assertTrue(!page.contains("Exception") && !page.contains("at app."), page);
            assertEquals("Immich not connected", browser.findElement(By.id("server-status")).getText());
        } finally {
            immich.faults().clear();
        }
        browser.findElement(By.id("albums-retry")).click();
        waitFor(b -> cellTexts().contains("Wedding"), "the albums after retry");
        assertTrue(!browser.findElement(By.id("albums-retry")).isDisplayed());
    }

    @Test
    void coversAreServedThroughTheApplication() {
        browser.get(TestImmich.loopback(deployed));
        waitFor(b -> !b.findElements(By.cssSelector("img.album-cover")).isEmpty(), "the covers");
        String src = browser.findElement(By.cssSelector("img.album-cover")).getAttribute("src");
        assertTrue(src.contains("/thumbnails/"), src);
        Object width = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; const img = new Image();"
                        + "img.onload = () => done(img.naturalWidth); img.onerror = () => done(-1); img.src = arguments[0];", src);
        assertEquals(160L, width, "the cover decodes as the simulator's thumbnail");
    }
}
