package app.immichexport.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.it.support.ApiCalls;
import app.immichexport.it.support.Browser;
import app.immichexport.it.support.TestImmich;
import app.immichexport.simulator.ImmichLine;
import app.immichexport.simulator.TestLibraries;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** In Chromium: an administrator links an export root to Immich's external library from the Export roots page. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExportRootsViewIT {

    private static final String ROOT =
            Path.of("target/it-exports").toAbsolutePath().toString();

    @ArquillianResource
    URL deployed;

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void aRootIsLinkedToTheLibraryWithTheProposedPath() throws Exception {
        TestImmich.simulator().line(ImmichLine.V3);
        ApiCalls api = new ApiCalls(deployed);
        long root = ApiCalls.array(api.send("GET", "api/roots", null).body()).getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("path").equals(ROOT))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
        api.send("DELETE", "api/roots/" + root + "/library", null);
        String base = TestImmich.loopback(deployed);
        browser.logIn(base);
        browser.get(base + "admin/roots");
        browser.waitFor(d -> !d.findElements(By.id("link-library-" + root)).isEmpty(), "the roots page");
        browser.find(By.id("link-library-" + root)).click();
        browser.waitFor(d -> !d.findElements(By.id("confirm-link")).isEmpty(), "the link dialog");
        browser.waitFor(
                d -> TestLibraries.LIBRARY_IMPORT_PATH.equals(
                        browser.script("return document.querySelector('#immich-path').value")),
                "the proposed path");
        assertTrue(
                browser.find(By.id("library-details")).getText().contains("**/._*"),
                "the library's exclusion patterns are shown");
        browser.find(By.id("confirm-link")).click();
        browser.waitFor(d -> !d.findElements(By.id("library-of-" + root)).isEmpty(), "the root shown as linked");
        assertEquals(
                TestLibraries.LIBRARY_NAME + ", seen by Immich as " + TestLibraries.LIBRARY_IMPORT_PATH,
                browser.find(By.id("library-of-" + root)).getText());
        api.send("DELETE", "api/roots/" + root + "/library", null);
    }
}
