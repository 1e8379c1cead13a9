package app.immichexport.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.it.support.ApiCalls;
import app.immichexport.it.support.Browser;
import app.immichexport.it.support.HandoverRoot;
import app.immichexport.it.support.TestImmich;
import app.immichexport.simulator.ImmichLine;
import app.immichexport.simulator.SimulatedLibrary;
import app.immichexport.simulator.TestLibraries;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** In Chromium: an album deleted from Immich re-created from the Folders page. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExportedFoldersViewIT {

    @ArquillianResource
    URL deployed;

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void aDeletedAlbumIsRecreatedFromItsFolder() throws Exception {
        TestImmich.simulator().line(ImmichLine.V3);
        SimulatedLibrary library = TestImmich.library();
        ApiCalls admin = new ApiCalls(deployed);
        long root = HandoverRoot.link(admin);
        String name = "Re-made on the page";
        String albumId = TestLibraries.addAlbumWithPhotos(library, name, 2);
        library.shareAlbum(albumId, TestLibraries.samId(library));
        try {
            // sorts first among the root's folders, so that its row is drawn without scrolling
            admin.exportAndWait("{\"albumIds\":[\"" + albumId + "\"],\"exportRoot\":\"" + HandoverRoot.PATH
                    + "\",\"folderTemplate\":\"0-page/{album}\",\"moveToTrash\":true,\"deleteAlbums\":true}");
            library.scanLibraryNamed(TestLibraries.HANDOVER_LIBRARY);
            String immichFolder = TestLibraries.HANDOVER_IMPORT_PATH + "/0-page/" + name;
            By button = By.cssSelector("vaadin-button[data-folder='" + immichFolder + "']");

            String base = TestImmich.loopback(deployed);
            browser.logIn(base);
            browser.get(base + "folders");
            browser.waitFor(d -> !d.findElements(button).isEmpty(), "the exported folder's row");
            assertTrue(
                    browser.cellTexts().contains("the album was deleted"),
                    browser.cellTexts().toString());
            browser.find(button).click();
            browser.waitFor(
                    d -> d.findElement(By.id("folders-result")).getText().contains("re-created"),
                    "the album re-created");
            String said = browser.find(By.id("folders-result")).getText();
            assertTrue(said.contains("Album '" + name + "' re-created with 2 photos"), said);
            assertTrue(said.contains("shared with Sam Demo"), said);
            List<String> made = library.albumIdsNamed(name);
            assertEquals(1, made.size(), "one album of that name");
            assertEquals(2, library.memberIds(made.get(0)).size());
            browser.waitFor(
                    d -> d.findElement(button).getText().equals("Add new photos"), "the folder shown as re-created");
        } finally {
            HandoverRoot.unlink(admin, root);
        }
    }
}
