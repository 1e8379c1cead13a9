package app.immichexport.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.it.support.Browser;
import app.immichexport.it.support.TestImmich;
import app.immichexport.simulator.ImmichLine;
import app.immichexport.simulator.ImmichSimulator;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A real Chromium opens the Albums view and finds the simulator's albums in the grid. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AlbumsViewIT {

    @ArquillianResource
    URL deployed;

    @RegisterExtension
    final Browser browser = new Browser();

    @BeforeEach
    void logIn() {
        browser.logIn(TestImmich.loopback(deployed));
    }

    @Test
    void showsTheAlbumsOfTheConnectedImmich() {
        TestImmich.simulator().line(ImmichLine.V3);
        browser.get(TestImmich.loopback(deployed));
        browser.waitFor(b -> browser.cellTexts().contains("Summer in Norway"), "the albums");
        List<String> cells = browser.cellTexts();
        assertTrue(
                cells.containsAll(List.of("Wedding", "Café Noël ☕", "Family (shared by Sam)", "Sam Demo")),
                cells.toString());
        assertTrue(
                browser.findAll(By.cssSelector("vaadin-grid-cell-content span[theme='badge']")).stream()
                        .anyMatch(badge -> badge.getText().equals("Shared")),
                "an album shared with the key's user wears a badge");
        browser.waitFor(b -> b.findElement(By.id("server-status")).getText().contains("3.2.2"), "the server's version");
        assertTrue(browser.findAll(By.id("demo-notice")).isEmpty(), "a configured Immich is not demo data");
        browser.waitFor(
                b -> b.findElement(By.id("key-capabilities")).getText().contains("download originals"),
                "the key's permissions");

        WebElement filter = browser.find(By.cssSelector("#album-filter input"));
        filter.sendKeys("norway");
        browser.waitFor(b -> !browser.cellTexts().contains("Wedding"), "the filter");
        assertTrue(browser.cellTexts().contains("Summer in Norway"));
    }

    @Test
    void saysPlainlyWhenImmichFailsAndRecoversOnRetry() {
        ImmichSimulator immich = TestImmich.simulator();
        immich.faults().errorRate = 1.0;
        try {
            browser.get(TestImmich.loopback(deployed) + "albums");
            browser.waitFor(b -> b.findElement(By.id("albums-retry")).isDisplayed(), "the retry button");
            String message = browser.find(By.id("albums-message")).getText();
            assertTrue(
                    message.contains("Immich at http://127.0.0.1:") && message.matches("(?s).*HTTP 50[03].*"), message);
            String page = browser.find(By.tagName("body")).getText();
            assertTrue(!page.contains("Exception") && !page.contains("at app."), page);
            browser.waitFor(
                    b -> b.findElement(By.id("server-status")).getText().equals("Immich not connected"),
                    "the server shown as not connected");
        } finally {
            immich.faults().clear();
        }
        browser.find(By.id("albums-retry")).click();
        browser.waitFor(b -> browser.cellTexts().contains("Wedding"), "the albums after retry");
        assertTrue(!browser.find(By.id("albums-retry")).isDisplayed());
    }

    @Test
    void saysWhenTheMountedUploadFolderHoldsNoneOfImmichsOriginals() {
        // the tests' IMMICH_UPLOAD_DIR holds only a marker file
        TestImmich.simulator().line(ImmichLine.V3);
        browser.get(TestImmich.loopback(deployed) + "albums");
        browser.waitFor(b -> b.findElement(By.id("upload-folder-warning")).isDisplayed(), "the upload folder warning");
        String warning = browser.find(By.id("upload-folder-warning")).getText();
        assertTrue(
                warning.contains("IMMICH_UPLOAD_DIR is set")
                        && warning.contains("/data/upload/")
                        && warning.contains("download them from Immich"),
                warning);
        assertTrue(browser.cellTexts().contains("Wedding"), "the albums are shown all the same");
    }

    @Test
    void coversAreServedThroughTheApplication() {
        browser.get(TestImmich.loopback(deployed));
        browser.waitFor(b -> !b.findElements(By.cssSelector("img.album-cover")).isEmpty(), "the covers");
        String src = browser.find(By.cssSelector("img.album-cover")).getAttribute("src");
        assertTrue(src.contains("/thumbnails/"), src);
        Object width = browser.asyncScript(
                "const done = arguments[arguments.length - 1]; const img = new Image();"
                        + "img.onload = () => done(img.naturalWidth); img.onerror = () => done(-1); img.src = arguments[0];",
                src);
        assertEquals(160L, width, "the cover decodes as the simulator's thumbnail");
    }
}
