package app.immichexport.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.it.support.Browser;
import app.immichexport.it.support.TestImmich;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * In Chromium at a phone's width (390 CSS pixels): no page scrolls sideways, and on the Albums page the
 * toolbar wraps, the key's permissions read on a line of their own and album names keep their room.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PhoneWidthIT {

    private static final int PHONE = 390;

    /** Each page, with an element that shows it has loaded. */
    private static final Map<String, String> PAGES = Map.of(
            "albums", "#albums-grid",
            "sources", "#people-grid",
            "export", "#folder-template",
            "jobs", "#jobs-grid",
            "mirrors", "#new-mirror",
            "settings", "#immich-key",
            "admin/roots", "#new-root",
            "admin/users", "#new-username",
            "audit", "#audit",
            "folders", "#exported-folders");

    @ArquillianResource
    URL deployed;

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void everyPageFitsAPhone() {
        TestImmich.simulator();
        String base = TestImmich.loopback(deployed);
        browser.logIn(base);
        browser.resize(PHONE, 844);
        for (Map.Entry<String, String> page : PAGES.entrySet()) {
            browser.get(base + page.getKey());
            browser.waitFor(
                    d -> !d.findElements(By.cssSelector(page.getValue())).isEmpty(), page.getKey());
            Number inner = (Number) browser.script("return window.innerWidth");
            assertTrue(inner.intValue() <= PHONE, "the window is a phone's: " + inner);
            browser.waitFor(
                    d -> ((Number) browser.script("return document.documentElement.scrollWidth")).intValue()
                            <= inner.intValue(),
                    page.getKey() + " without scrolling sideways");
        }

        browser.get(base + "albums");
        browser.waitFor(b -> browser.cellTexts().contains("Wedding"), "the albums");
        browser.waitFor(
                b -> ((Number) browser.script("return document.querySelector('#key-capabilities').offsetWidth"))
                                .intValue()
                        >= 200,
                "the key's permissions on a line of their own");
        Number keyWidth = (Number) browser.script("return document.querySelector('#key-capabilities').offsetWidth");
        assertTrue(keyWidth.intValue() >= 200, "the permissions are not squeezed: " + keyWidth + " px");
        Number exportRight = (Number)
                browser.script("return document.querySelector('#export-button').getBoundingClientRect().right");
        assertTrue(exportRight.doubleValue() <= PHONE, "the Export button is on screen: " + exportRight);
        @SuppressWarnings("unchecked")
        List<Number> name = (List<Number>)
                browser.script("const cell = [...document.querySelectorAll('#albums-grid vaadin-grid-cell-content')]"
                        + "  .find(c => c.textContent.trim() === 'Wedding');"
                        + "return [cell.offsetWidth, cell.scrollWidth];");
        assertTrue(name.get(0).intValue() >= 120, "an album's name keeps its room: " + name);
        assertEquals(name.get(0).intValue(), name.get(1).intValue(), "'Wedding' is not cut off: " + name);
    }
}
