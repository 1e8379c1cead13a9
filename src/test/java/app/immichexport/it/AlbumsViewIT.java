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

    private List<String> cellTexts() {
        return browser.findElements(By.tagName("vaadin-grid-cell-content")).stream().map(WebElement::getText).toList();
    }

    @Test
    void showsTheAlbumsOfTheConnectedImmich() {
        TestImmich.simulator().line(ImmichLine.V3);
        browser.get(TestImmich.loopback(deployed));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(b -> cellTexts().contains("Summer in Norway"));
        List<String> cells = cellTexts();
        assertTrue(cells.containsAll(List.of("Wedding", "Café Noël ☕", "Family (shared by Sam)", "Sam Demo")), cells.toString());
        String status = browser.findElement(By.id("server-status")).getText();
        assertTrue(status.contains("3.2.2"), status);
        assertTrue(browser.findElements(By.id("demo-notice")).isEmpty(), "a configured Immich is not demo data");
        wait.until(b -> b.findElement(By.id("key-capabilities")).getText().contains("download originals"));

        WebElement filter = browser.findElement(By.cssSelector("#album-filter input"));
        filter.sendKeys("norway");
        wait.until(b -> !cellTexts().contains("Wedding"));
        assertTrue(cellTexts().contains("Summer in Norway"));
    }

    @Test
    void saysPlainlyWhenImmichFailsAndRecoversOnRetry() {
        app.immichexport.simulator.ImmichSimulator immich = TestImmich.simulator();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        immich.faults().errorRate = 1.0;
        try {
            browser.get(TestImmich.loopback(deployed) + "albums");
            wait.until(b -> b.findElement(By.id("albums-retry")).isDisplayed());
            String message = browser.findElement(By.id("albums-message")).getText();
            assertTrue(message.contains("Immich at http://127.0.0.1:") && message.contains("HTTP 500"), message);
            String page = browser.findElement(By.tagName("body")).getText();
            assertTrue(!page.contains("Exception") && !page.contains("at app."), page);
            assertEquals("Immich not connected", browser.findElement(By.id("server-status")).getText());
        } finally {
            immich.faults().clear();
        }
        browser.findElement(By.id("albums-retry")).click();
        wait.until(b -> cellTexts().contains("Wedding"));
        assertTrue(!browser.findElement(By.id("albums-retry")).isDisplayed());
    }

    @Test
    void coversAreServedThroughTheApplication() {
        browser.get(TestImmich.loopback(deployed));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> !b.findElements(By.cssSelector("img.album-cover")).isEmpty());
        String src = browser.findElement(By.cssSelector("img.album-cover")).getAttribute("src");
        assertTrue(src.contains("/thumbnails/"), src);
        Object width = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; const img = new Image();"
                        + "img.onload = () => done(img.naturalWidth); img.onerror = () => done(-1); img.src = arguments[0];", src);
        assertEquals(160L, width, "the cover decodes as the simulator's thumbnail");
    }
}
