package app.immichexport.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.it.support.Browser;
import app.immichexport.it.support.TestImmich;
import app.immichexport.simulator.ImmichLine;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** A person's first export in Chromium: pick an album, preview the tree, start, watch it finish, find it in Jobs. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExportFlowIT {

    @ArquillianResource
    URL deployed;

    @RegisterExtension
    final Browser browser = new Browser();

    @BeforeEach
    void logIn() {
        browser.logIn(TestImmich.loopback(deployed));
    }

    @Test
    void selectPreviewStartAndFindTheJobInHistory() {
        TestImmich.simulator().line(ImmichLine.V3);
        browser.get(TestImmich.loopback(deployed));
        browser.waitFor(b -> browser.cellTexts().contains("Wedding"), "the albums");
        browser.script(
                "const grid = document.querySelector('#albums-grid');"
                        + "const name = [...grid.querySelectorAll('vaadin-grid-cell-content')]"
                        + "  .find(c => c.textContent.trim() === 'Wedding');"
                        + "const row = name.assignedSlot.parentElement.parentElement;"
                        + "row.querySelector('td').querySelector('slot').assignedNodes()[0].querySelector('vaadin-checkbox').click();");
        browser.waitFor(b -> browser.find(By.id("export-button")).isEnabled(), "the Export button");
        browser.find(By.id("export-button")).click();

        browser.waitFor(
                b -> !b.findElements(By.cssSelector("#folder-template input")).isEmpty(), "the export options");
        WebElement template = browser.find(By.cssSelector("#folder-template input"));
        template.sendKeys(Keys.chord(Keys.CONTROL, "a"), "ui/{album}", Keys.TAB);
        browser.waitFor(
                b -> browser.find(By.id("example-path")).getText().endsWith("ui/Wedding/IMG_0001.JPG"),
                "the example path");
        browser.click(By.id("preview-button"));
        browser.waitFor(b -> browser.cellTexts().contains("IMG_0001.JPG"), "the preview tree");
        assertTrue(
                // 14 photos, videos and motion parts, and a full sidecar beside each of the 13 photos and videos
                browser.find(By.id("preview-summary")).getText().startsWith("27 files"),
                browser.find(By.id("preview-summary")).getText());

        browser.click(By.id("start-button"));
        browser.waitFor(b -> browser.find(By.id("job-state")).getText().equals("Succeeded"), "the job to succeed");
        assertTrue(browser.find(By.id("job-counts")).getText().contains("27 of 27 files"));
        assertTrue(browser.find(By.id("job-counts")).getText().endsWith("100 %"));
        browser.waitFor(b -> browser.cellTexts().contains("ui/Wedding/IMG_0001.JPG"), "the job's items");
        assertTrue(Files.exists(Path.of("target/it-exports/ui/Wedding/IMG_0042.MOV")));
        assertTrue(
                Files.exists(Path.of("target/it-exports/ui/Wedding/IMG_0001.JPG.xmp")),
                "the page asks for full sidecars");

        String jobTitle = browser.find(By.tagName("h2")).getText();
        browser.find(By.cssSelector("vaadin-side-nav-item[path='jobs']")).click();
        browser.waitFor(b -> browser.cellTexts().contains(jobTitle.replace("Job ", "")), "the job in the history");
        List<String> cells = browser.cellTexts();
        assertTrue(cells.contains("succeeded"), cells.toString());

        browser.find(By.cssSelector("vaadin-side-nav-item[path='albums']")).click();
        browser.waitFor(
                b -> browser.cellTexts().stream()
                        .anyMatch(c ->
                                c.endsWith(" to " + Path.of("target/it-exports").toAbsolutePath())),
                "the albums page to say where Wedding was exported");
    }

    @Test
    void movingOriginalsAsksForConfirmationAndCancelChangesNothing() {
        String albumId = TestImmich.library().albumIdByName("Café Noël ☕");
        browser.get(TestImmich.loopback(deployed) + "export?album=" + albumId);
        browser.waitFor(b -> !b.findElements(By.id("move-to-trash")).isEmpty(), "the export options");
        browser.waitFor(
                b -> browser.find(By.id("example-path")).getText().endsWith("/Café Noël ☕/PXL_0001.JPG"),
                "an example path of a file of the chosen album");
        browser.click(By.id("move-to-trash"));
        browser.click(By.id("preview-button"));
        browser.waitFor(b -> browser.find(By.id("start-button")).isEnabled(), "the preview");
        browser.click(By.id("start-button"));
        browser.waitFor(
                b -> !b.findElements(By.cssSelector("vaadin-confirm-dialog-overlay"))
                        .isEmpty(),
                "the confirmation");
        String text =
                (String) browser.script("return document.querySelector('vaadin-confirm-dialog-overlay').textContent");
        assertTrue(text.contains("Trash up to 5 originals in Immich after they are verified on disk"), text);
        browser.script("document.querySelector('vaadin-confirm-dialog-overlay [slot=cancel-button]').click()");
        browser.waitFor(
                b -> b.findElements(By.cssSelector("vaadin-confirm-dialog-overlay[opened]"))
                        .isEmpty(),
                "the dialog to close");
        // read as text, not as seen: the page is scrolled down to its buttons
        assertEquals(
                "Export",
                browser.script("return document.querySelector('h2').textContent"),
                "still on the export page");
        assertTrue(TestImmich.library().assetsNamed("PXL_0001.JPG").stream().noneMatch(a -> a.isTrashed()));
    }
}
