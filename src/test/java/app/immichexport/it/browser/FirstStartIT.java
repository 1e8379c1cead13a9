package app.immichexport.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.it.support.Browser;
import app.immichexport.it.support.PackagedApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The packaged application started as a user first starts it: nothing configured (demo mode, no
 * administrator). The first visitor creates the administrator on the set-up page, which is gone afterwards.
 */
class FirstStartIT {

    private static PackagedApp app;
    private static String base;

    @RegisterExtension
    final Browser browser = new Browser();

    @BeforeAll
    static void startUnconfigured() throws Exception {
        Map<String, String> nothingSet = new HashMap<>();
        for (String name : List.of(
                "IMMICH_URL",
                "IMMICH_API_KEY",
                "ADMIN_USERNAME",
                "ADMIN_PASSWORD",
                "ADMIN_API_TOKEN",
                "EXPORT_ROOTS",
                "IMMICH_UPLOAD_DIR",
                "LOGIN_MAX_FAILURES",
                "HA_URL",
                "HA_TOKEN",
                "INSTANCE_NAME")) {
            nothingSet.put(name, null);
        }
        app = PackagedApp.start(Path.of("target", "first-start"), nothingSet);
        base = app.base;
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theFirstVisitorCreatesTheAdministratorOnceAndTheSecretKeyIsMadeForThem() throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> first = http.send(
                HttpRequest.newBuilder(URI.create(base + "albums")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, first.statusCode());
        assertTrue(
                first.headers().firstValue("Location").orElse("").endsWith("/setup"),
                first.headers().map().toString());

        browser.get(base);
        browser.waitFor(
                d -> !d.findElements(By.cssSelector("#setup-username input")).isEmpty(), "the set-up page");
        browser.find(By.cssSelector("#setup-username input")).sendKeys("owner");
        browser.find(By.cssSelector("#setup-password input")).sendKeys("short");
        browser.find(By.cssSelector("#setup-password-again input")).sendKeys("short");
        browser.find(By.id("setup-create")).click();
        browser.waitFor(
                d -> d.findElement(By.id("setup-problem")).getText().contains("at least 10"),
                "the refusal of a short password");
        for (String field : List.of("#setup-password input", "#setup-password-again input")) {
            browser.find(By.cssSelector(field)).sendKeys("-but-longer-now");
        }
        // Enter in the password field submits the form
        browser.find(By.cssSelector("#setup-password-again input")).sendKeys(Keys.ENTER);
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/login"), "the login page");

        browser.logIn(base, "owner", "short-but-longer-now");
        browser.waitFor(d -> !d.findElements(By.id("demo-notice")).isEmpty(), "the demo albums");
        assertTrue(browser.find(By.id("signed-in-user")).getText().contains("owner (admin)"));

        browser.get(base + "setup");
        browser.waitFor(d -> !d.getCurrentUrl().contains("setup"), "the set-up page gone");
        assertTrue(
                Files.exists(Path.of("target", "first-start", "secret.key")),
                "the secret key generated in the data folder");
        HttpResponse<String> api = http.send(
                HttpRequest.newBuilder(URI.create(base + "api/exports")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, api.statusCode());
    }
}
