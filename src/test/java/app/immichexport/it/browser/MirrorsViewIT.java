package app.immichexport.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.it.support.ApiCalls;
import app.immichexport.it.support.Browser;
import app.immichexport.it.support.TestImmich;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URL;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** In Chromium: a mirror profile made in the Mirrors page, its schedule explained as it is typed, run at once. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MirrorsViewIT {

    @ArquillianResource
    URL deployed;

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void aProfileIsMadeScheduledAndRunFromThePage() throws Exception {
        TestImmich.simulator();
        String base = TestImmich.loopback(deployed);
        browser.logIn(base);
        browser.get(base + "mirrors");
        browser.waitFor(d -> !d.findElements(By.id("new-mirror")).isEmpty(), "the mirrors page");
        browser.find(By.id("new-mirror")).click();
        browser.waitFor(
                d -> !d.findElements(By.cssSelector("#mirror-name input")).isEmpty(), "the profile form");
        browser.find(By.cssSelector("#mirror-name input")).sendKeys("Wedding nightly");
        WebElement albums = browser.find(By.cssSelector("#mirror-albums input"));
        albums.sendKeys("Wedding");
        browser.waitFor(
                d -> !d.findElements(By.cssSelector("vaadin-multi-select-combo-box-item"))
                        .isEmpty(),
                "the album list");
        albums.sendKeys(Keys.ENTER);
        WebElement cron = browser.find(By.cssSelector("#mirror-cron input"));
        cron.sendKeys(Keys.chord(Keys.CONTROL, "a"), "every night");
        browser.waitFor(
                d -> String.valueOf(browser.script("return document.querySelector('#mirror-cron').invalid"))
                        .equals("true"),
                "the schedule refused");
        cron.sendKeys(Keys.chord(Keys.CONTROL, "a"), "15 2 * * *");
        browser.waitFor(
                d -> String.valueOf(browser.script("return document.querySelector('#mirror-cron').helperText"))
                        .startsWith("Next: "),
                "the next run times");
        // full sidecars by default; their keywords the photos' tags only, for a folder Immich imports again
        browser.find(By.id("mirror-keywords")).click();
        browser.find(By.id("save-mirror")).click();
        browser.waitFor(d -> browser.cellTexts().contains("Wedding nightly"), "the new profile in the list");
        assertTrue(
                browser.cellTexts().contains("15 2 * * *"), browser.cellTexts().toString());
        assertTrue(browser.cellTexts().contains("1 album"), browser.cellTexts().toString());

        browser.findAll(By.xpath("//vaadin-button[contains(., 'Run now')]"))
                .get(0)
                .click();
        browser.waitFor(
                d -> d.findElement(By.id("mirrors-result")).getText().contains("runs within a minute"), "run now");
        ApiCalls api = new ApiCalls(deployed);
        JsonObject saved = settingsByName(api, "Wedding nightly");
        assertEquals("full", saved.getString("metadata"), saved.toString());
        assertEquals("tags", saved.getString("keywords"), saved.toString());
        browser.waitFor(
                d -> {
                    try {
                        return ranByName(api, "Wedding nightly");
                    } catch (Exception e) {
                        return false;
                    }
                },
                "the profile's first run");
    }

    private static JsonObject settingsByName(ApiCalls api, String name) throws Exception {
        return Json.createReader(
                        new StringReader(api.send("GET", "api/mirrors", null).body()))
                .readArray()
                .stream()
                .map(p -> p.asJsonObject().getJsonObject("settings"))
                .filter(settings -> name.equals(settings.getString("name")))
                .findFirst()
                .orElseThrow();
    }

    private static boolean ranByName(ApiCalls api, String name) throws Exception {
        return Json.createReader(
                        new StringReader(api.send("GET", "api/mirrors", null).body()))
                .readArray()
                .stream()
                .map(JsonValue::asJsonObject)
                .anyMatch(
                        p -> name.equals(p.getJsonObject("settings").getString("name")) && p.containsKey("lastRunAt"));
    }
}
