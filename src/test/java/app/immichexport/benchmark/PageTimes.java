package app.immichexport.benchmark;

import app.immichexport.it.support.Browser;
import app.immichexport.it.support.ServerThreads;
import app.immichexport.simulator.Content;
import app.immichexport.simulator.ImmichLine;
import app.immichexport.simulator.ImmichSimulator;
import app.immichexport.simulator.SimulatedLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a person waits for in Chromium: the Albums page of an Immich with many albums, and the
 * preview of a large album, each timed from the request to its first rows on screen.
 */
final class PageTimes {

    private static final String PASSWORD = "benchmark-password";
    /** Visits measured, after a first one that is printed on its own: the server's code is compiled by then. */
    private static final int VISITS = 5;

    private PageTimes() {}

    static List<String> measure(Path work, Sizes sizes) throws Exception {
        Files.createDirectories(work);
        SimulatedLibrary library = new SimulatedLibrary();
        String user = library.addUser("Pages", "pages@example.org");
        library.addKey(ExportBenchmark.KEY, user, "pages", Set.of("all"));
        Instant start = Instant.parse("2021-01-01T00:00:00Z");
        for (int i = 0; i < sizes.albums(); i++) {
            String album = library.addAlbum(String.format("Album %05d", i), user);
            library.addAsset(album, user, "IMG_0001.JPG", "IMAGE", start.plusSeconds(i), Content.pseudoRandom(i, 100));
        }
        String preview = library.addAlbum("Preview album", user);
        for (int i = 0; i < sizes.previewAssets(); i++) {
            library.addAsset(
                    preview,
                    user,
                    String.format("PIC_%05d.JPG", i),
                    "IMAGE",
                    start.plusSeconds(i),
                    Content.pseudoRandom(-i - 1, 100));
        }
        ExportBenchmark.delete(work.resolve("data-pages"));
        List<Double> albums = new ArrayList<>();
        List<Double> previews = new ArrayList<>();
        double firstAlbums;
        double firstPreview;
        try (ImmichSimulator immich = ImmichSimulator.start(ImmichLine.V3, library, 0);
                App app = App.start(work, "pages", immich.url(), ExportBenchmark.KEY, null)) {
            WebDriver browser = Browser.open();
            try {
                logIn(browser, app.base());
                firstAlbums = albumsPage(browser, app.base());
                firstPreview = preview(browser, app.base(), preview);
                for (int i = 0; i < VISITS; i++) {
                    albums.add(albumsPage(browser, app.base()));
                    previews.add(preview(browser, app.base(), preview));
                }
            } finally {
                browser.quit();
            }
        }
        return List.of(
                String.format(
                        "Albums page with %,d albums, to its first rows: %.2f s (median of %s; target <= 1.0;"
                                + " first visit after the start %.2f s)",
                        sizes.albums(), ExportBenchmark.median(albums), albums, firstAlbums),
                String.format(
                        "preview of a %,d-asset album, to its first rows: %.2f s (median of %s; target <= 2.0;"
                                + " first visit after the start %.2f s)",
                        sizes.previewAssets(), ExportBenchmark.median(previews), previews, firstPreview));
    }

    private static void logIn(WebDriver browser, String base) {
        get(browser, base + "login");
        await(
                browser,
                b -> !b.findElements(By.cssSelector("vaadin-text-field[name='username'] input"))
                        .isEmpty());
        browser.findElement(By.cssSelector("vaadin-text-field[name='username'] input"))
                .sendKeys("benchmark");
        WebElement password = browser.findElement(By.cssSelector("vaadin-password-field[name='password'] input"));
        password.sendKeys(PASSWORD);
        password.sendKeys(Keys.ENTER);
        await(
                browser,
                b -> !b.getCurrentUrl().contains("/login")
                        && !b.findElements(By.id("signed-in-user")).isEmpty());
    }

    private static double albumsPage(WebDriver browser, String base) {
        // from another page, so that the Albums page is built anew
        get(browser, base + "jobs");
        long start = System.nanoTime();
        get(browser, base + "albums");
        await(browser, b -> cells(b).stream().anyMatch(text -> text.startsWith("Album ")));
        return (System.nanoTime() - start) / 1e9;
    }

    private static double preview(WebDriver browser, String base, String albumId) {
        get(browser, base + "export?album=" + albumId);
        await(
                browser,
                b -> !b.findElements(By.id("preview-button")).isEmpty()
                        && b.findElement(By.id("preview-button")).isEnabled());
        long start = System.nanoTime();
        Browser.click(browser, By.id("preview-button"));
        await(browser, b -> cells(b).stream().anyMatch(text -> text.startsWith("PIC_")));
        return (System.nanoTime() - start) / 1e9;
    }

    @SuppressWarnings("unchecked")
    private static List<String> cells(WebDriver browser) {
        return (List<String>)
                ((JavascriptExecutor) browser)
                        .executeScript(
                                "return [...document.querySelectorAll('vaadin-grid-cell-content')].map(c => c.textContent.trim())");
    }

    private static void await(WebDriver browser, Function<WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(browser, Duration.ofMinutes(3), Duration.ofMillis(10)).until(condition);
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "the page did not get there; the application's own threads: " + ServerThreads.applicationFrames(),
                    e);
        }
    }

    /** Loads a page; one that does not load says where the application's threads are. */
    private static void get(WebDriver browser, String url) {
        try {
            Browser.navigate(browser, url);
        } catch (TimeoutException e) {
            throw new AssertionError(
                    url + " did not load; the application's own threads: " + ServerThreads.applicationFrames(), e);
        }
    }
}
