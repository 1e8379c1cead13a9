package app.immichexport.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.it.support.ApiCalls;
import app.immichexport.it.support.Browser;
import app.immichexport.it.support.HandoverRoot;
import app.immichexport.it.support.TestImmich;
import app.immichexport.simulator.ImmichLine;
import app.immichexport.simulator.SimulatedAsset;
import app.immichexport.simulator.SimulatedLibrary;
import app.immichexport.simulator.TestLibraries;
import jakarta.json.JsonObject;
import java.net.URL;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** In Chromium: an album moved into the linked library from the export page, and the handover's summary. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LibraryHandoverViewIT {

    @ArquillianResource
    URL deployed;

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void anAlbumIsMovedIntoTheLibraryAndTheSummarySaysWhatHappened() throws Exception {
        TestImmich.simulator().line(ImmichLine.V3);
        SimulatedLibrary library = TestImmich.library();
        ApiCalls admin = new ApiCalls(deployed);
        long root = HandoverRoot.link(admin);
        String name = "Moved from the page";
        String albumId = TestLibraries.addAlbumWithPhotos(library, name, 2);
        try {
            String base = TestImmich.loopback(deployed);
            browser.logIn(base);
            browser.get(base + "export?album=" + albumId);
            browser.waitFor(d -> !d.findElements(By.id("export-root")).isEmpty(), "the export page");
            browser.find(By.id("export-root")).click();
            browser.waitFor(
                    d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                            .anyMatch(i -> i.getText().endsWith("it-handover")),
                    "the roots to choose from");
            browser.findAll(By.cssSelector("vaadin-select-item")).stream()
                    .filter(i -> i.getText().endsWith("it-handover"))
                    .findFirst()
                    .orElseThrow()
                    .click();
            browser.waitFor(d -> d.findElement(By.id("into-library")).isDisplayed(), "the move into the library");
            assertTrue(browser.find(By.id("into-library")).getText().contains(TestLibraries.HANDOVER_LIBRARY));
            browser.click(By.cssSelector("#into-library input"));
            browser.waitFor(
                    d -> Boolean.TRUE.equals(browser.script("return document.querySelector('#versions').readonly;")),
                    "originals only, as the move needs every original");
            browser.waitFor(
                    d -> d.findElement(By.id("into-library")).getAttribute("checked") != null,
                    "the move into the library chosen");
            browser.click(By.id("preview-button"));
            browser.waitFor(b -> browser.cellTexts().contains("m-0.jpg"), "the preview tree");
            String forecast = browser.find(By.id("preview-summary")).getText();
            assertTrue(
                    forecast.contains("'" + name + "': 2 photos will be replaced by their copies under "
                            + TestLibraries.HANDOVER_IMPORT_PATH),
                    forecast);
            browser.click(By.id("start-button"));
            browser.waitFor(d -> !d.findElements(By.id("confirm-move")).isEmpty(), "the confirmation");
            browser.waitFor(
                    d -> Boolean.TRUE.equals(browser.script(
                            "const button = document.querySelector(\"vaadin-button[slot='confirm-button']\");"
                                    + "if (!button) { return false; } button.click(); return true;")),
                    "the confirmation's Start button");
            browser.waitFor(b -> browser.find(By.id("job-state")).getText().equals("Succeeded"), "the job to succeed");
            String message = browser.find(By.id("job-message")).getText();
            assertTrue(message.contains("2 photos of '" + name + "' replaced by their copies"), message);
            assertTrue(message.contains("the album stays"), message);
            for (String member : library.memberIds(albumId)) {
                SimulatedAsset asset = library.asset(member).orElseThrow();
                assertTrue(asset.isTrashed() || asset.isExternal(), "the album holds the copies");
            }
        } finally {
            HandoverRoot.unlink(admin, root);
        }
    }

    @Test
    void aMoveLeftUnfinishedSaysSoAndResumeFinishesIt() throws Exception {
        TestImmich.simulator().line(ImmichLine.V3);
        SimulatedLibrary library = TestImmich.library();
        ApiCalls admin = new ApiCalls(deployed);
        long root = HandoverRoot.link(admin);
        String name = "Unfinished on the page";
        String albumId = TestLibraries.addAlbumWithPhotos(library, name, 2);
        String stubborn = library.memberIds(albumId).get(1);
        TestImmich.simulator().faults().refuseTrashOf.add(stubborn);
        try {
            JsonObject job = admin.exportAndWait("{\"albumIds\":[\"" + albumId + "\"],\"exportRoot\":\""
                    + HandoverRoot.PATH + "\",\"folderTemplate\":\"unfinished/{album}\",\"moveIntoLibrary\":true}");
            assertEquals("INCOMPLETE", job.getString("state"), job.toString());
            TestImmich.simulator().faults().refuseTrashOf.clear();
            String base = TestImmich.loopback(deployed);
            browser.logIn(base);
            browser.get(base + "jobs/" + job.getJsonNumber("id").longValue());
            browser.waitFor(b -> browser.find(By.id("job-state")).getText().equals("Incomplete"), "the job's state");
            String message = browser.find(By.id("job-message")).getText();
            assertTrue(message.contains("m-1.jpg") && message.contains("Resume the job to finish it"), message);
            browser.find(By.id("job-resume")).click();
            browser.waitFor(
                    b -> browser.find(By.id("job-state")).getText().equals("Succeeded")
                            && browser.find(By.id("job-message"))
                                    .getText()
                                    .contains("1 photo of '" + name + "' replaced"),
                    "the resumed job to finish the photo left");
            assertTrue(library.asset(stubborn).orElseThrow().isTrashed());
        } finally {
            TestImmich.simulator().faults().clear();
            HandoverRoot.unlink(admin, root);
        }
    }
}
