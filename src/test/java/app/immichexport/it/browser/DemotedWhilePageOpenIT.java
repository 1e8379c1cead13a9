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
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * In Chromium: an administrator demoted while the Mirrors, Folders or Activity page stays open acts as
 * the user they now are at their next action; what the page was built with grants nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DemotedWhilePageOpenIT {

    private static final String PASSWORD = "a-long-password-1";

    @ArquillianResource
    URL deployed;

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void theMirrorsPageRefusesAnotherUsersProfileOnceDemoted() throws Exception {
        ApiCalls admin = new ApiCalls(deployed);
        String name = "Admin's nightly " + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = admin.send(
                "POST",
                "api/mirrors",
                "{\"name\":\"" + name + "\",\"albumIds\":[\""
                        + TestImmich.library().albumIdByName("Wedding") + "\"],\"cron\":\"0 3 * * *\"}");
        assertEquals(201, created.statusCode(), created.body());
        Map<Long, Boolean> pausedBefore = paused(admin);
        String ada = signInAsNewAdministrator();
        browser.get(TestImmich.loopback(deployed) + "mirrors");
        browser.waitFor(d -> browser.cellTexts().contains(name), "the administrator's profile, seen by another one");

        demote(admin, ada);
        browser.findAll(By.xpath("//vaadin-button[contains(., 'Pause') or contains(., 'Resume')]"))
                .get(0)
                .click();
        browser.waitFor(
                d -> d.findElement(By.id("mirrors-result")).getText().startsWith("No mirror profile"), "the refusal");
        browser.waitFor(
                d -> d.findElement(By.id("mirrors")).getText().contains("No mirror profiles yet"),
                "the list as a user sees it: none of hers");
        assertEquals(pausedBefore, paused(admin), "no profile was paused or resumed");
    }

    @Test
    void theFoldersPageRefusesAnotherUsersFolderOnceDemoted() throws Exception {
        TestImmich.simulator().line(ImmichLine.V3);
        SimulatedLibrary library = TestImmich.library();
        ApiCalls admin = new ApiCalls(deployed);
        long root = HandoverRoot.link(admin);
        String name = "Not yours to re-make";
        String albumId = TestLibraries.addAlbumWithPhotos(library, name, 1);
        try {
            // sorts first among the root's folders, so that its row is drawn without scrolling
            admin.exportAndWait("{\"albumIds\":[\"" + albumId + "\"],\"exportRoot\":\"" + HandoverRoot.PATH
                    + "\",\"folderTemplate\":\"0-0-demoted/{album}\",\"moveToTrash\":true,\"deleteAlbums\":true}");
            library.scanLibraryNamed(TestLibraries.HANDOVER_LIBRARY);
            By button = By.cssSelector(
                    "vaadin-button[data-folder='" + TestLibraries.HANDOVER_IMPORT_PATH + "/0-0-demoted/" + name + "']");
            String ada = signInAsNewAdministrator();
            browser.get(TestImmich.loopback(deployed) + "folders");
            browser.waitFor(d -> !d.findElements(button).isEmpty(), "the administrator's folder, seen by another one");

            demote(admin, ada);
            browser.find(button).click();
            browser.waitFor(
                    d -> d.findElement(By.id("folders-result")).getText().contains("is not a folder that your jobs"),
                    "the refusal");
            browser.waitFor(
                    d -> d.findElement(By.id("exported-folders"))
                            .getText()
                            .contains("No exported folder below a root linked"),
                    "the folders as a user sees them: none of hers");
            assertTrue(library.albumIdsNamed(name).isEmpty(), "no album was re-created");
        } finally {
            HandoverRoot.unlink(admin, root);
        }
    }

    @Test
    void theActivityPageShowsOnlyOnesOwnOnceDemoted() throws Exception {
        ApiCalls admin = new ApiCalls(deployed);
        String marker = "Audit marker " + UUID.randomUUID().toString().substring(0, 8);
        admin.send(
                "POST",
                "api/mirrors",
                "{\"name\":\"" + marker + "\",\"albumIds\":[\""
                        + TestImmich.library().albumIdByName("Wedding")
                        + "\"],\"cron\":\"0 3 * * *\",\"paused\":true}");
        String ada = signInAsNewAdministrator();
        browser.get(TestImmich.loopback(deployed) + "audit");
        browser.waitFor(
                d -> !d.findElements(By.cssSelector("#audit-user input")).isEmpty(), "the audit log");
        browser.find(By.cssSelector("#audit-user input")).sendKeys("admin", Keys.ENTER);
        browser.waitFor(d -> browser.cellTexts().contains(marker), "the other administrator's event");

        demote(admin, ada);
        // the same filter once stripped: an administrator would still see the marker
        browser.find(By.cssSelector("#audit-user input")).sendKeys(" ");
        browser.waitFor(
                d -> !browser.cellTexts().contains(marker)
                        && !d.findElement(By.id("audit-user")).isDisplayed(),
                "only ada's own activity, without the user filter");
    }

    /** A new administrator with the owner's Immich key, signed in in the browser; returns their name. */
    private String signInAsNewAdministrator() throws Exception {
        ApiCalls admin = new ApiCalls(deployed);
        String name = "ada-" + UUID.randomUUID().toString().substring(0, 8);
        String token = admin.newUser(name, PASSWORD, "ADMIN");
        String key = "it-key-" + name;
        TestLibraries.addOwnersKey(TestImmich.library(), key);
        HttpResponse<String> saved = admin.as(token).send("PUT", "api/me/immich-key", "{\"key\":\"" + key + "\"}");
        assertEquals(200, saved.statusCode(), saved.body());
        browser.logIn(TestImmich.loopback(deployed), name, PASSWORD);
        return name;
    }

    private static void demote(ApiCalls admin, String username) throws Exception {
        long id = ApiCalls.array(admin.send("GET", "api/admin/users", null).body()).stream()
                .map(v -> v.asJsonObject())
                .filter(u -> u.getString("username").equals(username))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
        HttpResponse<String> changed = admin.send("PATCH", "api/admin/users/" + id, "{\"role\":\"USER\"}");
        assertEquals(200, changed.statusCode(), changed.body());
    }

    private static Map<Long, Boolean> paused(ApiCalls admin) throws Exception {
        List<JsonObject> profiles =
                ApiCalls.array(admin.send("GET", "api/mirrors", null).body()).getValuesAs(JsonObject.class);
        return profiles.stream()
                .collect(Collectors.toMap(
                        p -> p.getJsonNumber("id").longValue(),
                        p -> p.getJsonObject("settings").getBoolean("paused", false)));
    }
}
