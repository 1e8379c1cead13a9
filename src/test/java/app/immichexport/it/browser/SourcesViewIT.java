package app.immichexport.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.it.support.Browser;
import app.immichexport.it.support.TestImmich;
import app.immichexport.simulator.Content;
import app.immichexport.simulator.ImmichLine;
import app.immichexport.simulator.SimulatedAsset;
import app.immichexport.simulator.SimulatedLibrary;
import app.immichexport.simulator.TestLibraries;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * In Chromium: a person picked by face and name and a tag picked in the tree, each counted before the
 * preview, exported into folders by each photo's own year.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SourcesViewIT {

    @ArquillianResource
    URL deployed;

    @RegisterExtension
    final Browser browser = new Browser();

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void aPersonAndATagArePickedCountedAndExported(ImmichLine line) {
        TestImmich.simulator().line(line);
        String person = "Solveig " + line;
        String topTag = "Outdoors UI " + line;
        SimulatedLibrary library = TestImmich.library();
        String owner = TestLibraries.mainOwner(library);
        String solveig = library.addPerson(owner, person, false);
        SimulatedAsset older = photo(library, owner, "solveig-1.jpg", "2019-08-01T10:00:00Z", 1);
        SimulatedAsset newer = photo(library, owner, "solveig-2.jpg", "2021-02-01T10:00:00Z", 2);
        library.addFace(older, solveig, 1, 1, 9, 9, 10, 10);
        library.addFace(newer, solveig, 1, 1, 9, 9, 10, 10);
        library.edit(older, "crop", java.util.Map.of("x", 1, "y", 1, "width", 8, "height", 6));
        String hiking = library.addTag(owner, topTag + "/Hiking");
        library.tagAsset(newer, hiking);

        String base = TestImmich.loopback(deployed);
        browser.logIn(base);
        browser.get(base + "sources");
        browser.waitFor(b -> browser.cellTexts().contains(person), "the people");
        assertEquals(
                Boolean.TRUE,
                browser.script("const img = document.querySelector('#people-grid img[alt=\"Face of " + person + "\"]');"
                        + "return img !== null && img.getAttribute('src') === 'thumbnails/people/" + solveig + "';"),
                "each person shows their face through the application");
        browser.find(By.cssSelector("#people-filter input")).sendKeys("Solv");
        checkRow("#people-grid", person);
        browser.waitFor(
                b -> browser.find(By.id("chosen-sources")).getText().contains(person + " · 2 photos"),
                "the person counted");

        browser.waitFor(b -> browser.cellTexts().contains(topTag), "the tag tree");
        browser.waitFor(b -> clickExpander(topTag), "the tag's branch");
        browser.waitFor(b -> browser.cellTexts().contains("Hiking"), "the tag below");
        checkRow("#tags-grid", "Hiking");
        browser.waitFor(
                b -> browser.find(By.id("chosen-sources")).getText().contains(topTag + " - Hiking · 1 photo"),
                "the tag counted");

        browser.find(By.id("sources-export")).click();
        browser.waitFor(
                b -> !b.findElements(By.cssSelector("#folder-template input")).isEmpty(), "the export options");
        assertEquals(
                Boolean.TRUE,
                browser.script("const trash = document.querySelector('#move-to-trash');"
                        + "return trash === null || trash.offsetParent === null;"),
                "trashing originals is offered for albums only");
        browser.find(By.cssSelector("#folder-template input"))
                .sendKeys(Keys.chord(Keys.CONTROL, "a"), "ui-sources-" + line + "/{source}/{photo.year}", Keys.TAB);
        browser.click(By.id("versions"));
        browser.waitFor(
                d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                        .anyMatch(i -> i.getText().startsWith("Originals, and edited")),
                "the versions to choose from");
        browser.findAll(By.cssSelector("vaadin-select-item")).stream()
                .filter(i -> i.getText().startsWith("Originals, and edited"))
                .findFirst()
                .orElseThrow()
                .click();
        browser.click(By.id("preview-button"));
        browser.waitFor(b -> browser.cellTexts().contains("solveig-1.jpg"), "the preview tree");
        assertTrue(
                browser.cellTexts().contains("solveig-1_edited.jpg"),
                browser.cellTexts().toString());
        assertTrue(browser.cellTexts().contains("2019"), browser.cellTexts().toString());
        browser.click(By.id("start-button"));
        browser.waitFor(b -> browser.find(By.id("job-state")).getText().equals("Succeeded"), "the job to succeed");
        Path root = Path.of("target/it-exports/ui-sources-" + line);
        assertTrue(Files.exists(root.resolve(person + "/2019/solveig-1.jpg")));
        assertTrue(Files.exists(root.resolve(person + "/2019/solveig-1_edited.jpg")), "the edited picture beside it");
        assertFalse(Files.exists(root.resolve(person + "/2021/solveig-2_edited.jpg")), "a photo without edits");
        assertTrue(Files.exists(root.resolve(person + "/2021/solveig-2.jpg")));
        assertTrue(
                Files.exists(root.resolve(topTag + " - Hiking/2021/solveig-2.jpg")),
                "the tag's folder: " + listing(root));

        // Mirror… opens a new profile for the chosen sources
        browser.get(base + "mirrors?source=person:" + solveig + "&source=favorites");
        browser.waitFor(
                b -> !b.findElements(By.cssSelector("#mirror-sources")).isEmpty(), "the profile form with its sources");
        browser.find(By.cssSelector("#mirror-name input")).sendKeys(person + " nightly");
        browser.find(By.id("save-mirror")).click();
        browser.waitFor(b -> browser.cellTexts().contains(person + " nightly"), "the new profile in the list");
        assertTrue(
                browser.cellTexts().contains("A person, Favourites"),
                browser.cellTexts().toString());
    }

    private void checkRow(String grid, String text) {
        browser.script("const grid = document.querySelector('" + grid + "');"
                + "const name = [...grid.querySelectorAll('vaadin-grid-cell-content')]"
                + "  .find(c => c.textContent.trim() === '" + text + "');"
                + "const row = name.assignedSlot.parentElement.parentElement;"
                + "row.querySelector('td').querySelector('slot').assignedNodes()[0]"
                + ".querySelector('vaadin-checkbox').click();");
    }

    private boolean clickExpander(String text) {
        return Boolean.TRUE.equals(browser.script("const cell = [...document.querySelectorAll("
                + "'#tags-grid vaadin-grid-cell-content')].find(c => c.textContent.trim() === '" + text + "');"
                + "const toggle = cell && cell.querySelector('vaadin-grid-tree-toggle');"
                + "if (!toggle) return false; if (!toggle.expanded) toggle.click(); return true;"));
    }

    private static String listing(Path root) {
        try (var walk = Files.walk(root)) {
            return walk.map(Path::toString).toList().toString();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static SimulatedAsset photo(SimulatedLibrary library, String owner, String name, String taken, int seed) {
        return library.addAsset(
                null, owner, name, "IMAGE", Instant.parse(taken), Content.pseudoRandom(9300 + seed, 500 + seed));
    }
}
