package app.immichexport.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.it.support.ApiCalls;
import app.immichexport.it.support.Browser;
import app.immichexport.it.support.TestImmich;
import app.immichexport.simulator.TestLibraries;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** In Chromium: the login, what a user's pages show of other users' work, and that the Immich key stays out of the page. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityViewIT {

    private static final String PASSWORD = "a-long-password-1";

    @ArquillianResource
    URL deployed;

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void aUserSeesNeitherAnotherUsersJobsNorTheAdministrationNorTheirOwnKey() throws Exception {
        String base = TestImmich.loopback(deployed);
        String token = new ApiCalls(deployed).newUser("erin", PASSWORD, "USER");
        String key = "it-key-erin-" + UUID.randomUUID();
        TestLibraries.addOwnersKey(TestImmich.library(), key);
        HttpResponse<String> started = new ApiCalls(deployed)
                .send(
                        "POST",
                        "api/exports",
                        "{\"albumIds\":[\"" + TestImmich.library().albumIdByName("Wedding")
                                + "\"],\"folderTemplate\":\"admins/{album}\"}");
        long adminsJob = ApiCalls.object(started.body()).getJsonNumber("id").longValue();

        browser.get(base + "jobs");
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/login"), "the login page for an anonymous visitor");
        browser.logIn(base, "erin", PASSWORD);
        assertEquals("erin", browser.find(By.id("signed-in-user")).getText());

        browser.get(base + "settings");
        browser.waitFor(
                d -> !d.findElements(By.cssSelector("#immich-key input")).isEmpty(), "the settings");
        browser.find(By.cssSelector("#immich-key input")).sendKeys(key);
        browser.find(By.id("save-key")).click();
        browser.waitFor(
                d -> d.findElement(By.id("key-result")).getText().startsWith("Saved"), "the key checked and saved");
        assertTrue(browser.find(By.id("key-status")).getText().contains("is stored"));
        assertFalse(browser.pageSource().contains(key), "the key is in the page");
        browser.get(base + "settings");
        browser.waitFor(d -> d.findElement(By.id("key-status")).getText().contains("is stored"), "the settings again");
        assertFalse(browser.pageSource().contains(key), "the key is in the page");
        assertFalse(
                new ApiCalls(deployed, token).send("GET", "api/me", null).body().contains(key));

        browser.get(base + "jobs");
        browser.waitFor(d -> !d.findElements(By.id("jobs-grid")).isEmpty(), "the jobs");
        assertFalse(browser.cellTexts().contains("admin"), "erin's history lists the administrator's job");
        browser.waitFor(
                d -> d.findElement(By.id("jobs-grid")).getText().contains("No jobs yet"), "what an empty history says");
        browser.get(base + "mirrors");
        browser.waitFor(
                d -> !d.findElements(By.id("mirrors")).isEmpty()
                        && d.findElement(By.id("mirrors"))
                                .getText()
                                .contains("No mirror profiles yet: New profile keeps albums"),
                "what an empty list of mirror profiles says");
        browser.get(base + "jobs/" + adminsJob);
        browser.waitFor(
                d -> d.findElement(By.tagName("body")).getText().contains("No job " + adminsJob), "the refusal");
        assertTrue(browser.findAll(By.id("job-items")).stream()
                .noneMatch(e -> e.isDisplayed() && e.getText().contains("admins/")));

        browser.get(base + "admin/users");
        browser.waitFor(
                d -> !d.findElements(By.id("access-denied")).isEmpty(), "the refusal of an administrator's page");
        assertTrue(browser.findAll(By.id("users")).isEmpty());

        browser.find(By.id("logout")).click();
        browser.waitFor(d -> d.getCurrentUrl().contains("/login"), "the login page after logging out");
        browser.get(base + "settings");
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/login"), "the login page once logged out");
    }
}
