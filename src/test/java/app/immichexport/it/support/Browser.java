package app.immichexport.it.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven by its chromedriver, with the waits Vaadin pages need. Register
 * it as an extension: a fresh browser opens before each test and closes after it.
 */
public final class Browser implements BeforeEachCallback, AfterEachCallback {

    private WebDriver driver;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        driver = open();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        driver.quit();
    }

    /** A new headless Chromium with a profile of its own, started as every test here starts it. */
    public static WebDriver open() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                // a headless page is never in front: keep its timers and renderer at full speed
                "--disable-renderer-backgrounding",
                "--disable-background-timer-throttling",
                "--disable-backgrounding-occluded-windows",
                "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory("chromium"));
        // ChromeDriver 150 now and then never hears that a page it navigated to has loaded, though the
        // page is there and works: get() returns at once and navigate() waits for the new document itself
        options.setPageLoadStrategy(PageLoadStrategy.NONE);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // a page that does not load within a minute is a fault to report, not to wait five minutes for
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /** The window's size in CSS pixels, e.g. a phone's 390 × 844. */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    public void get(String url) {
        navigate(driver, url);
    }

    /**
     * Opens the URL and waits until the browser shows a new document that is no longer loading. The
     * document being left is marked first: a mark that is gone means the new one is there, wherever
     * redirects took it.
     */
    public static void navigate(WebDriver driver, String url) {
        JavascriptExecutor page = (JavascriptExecutor) driver;
        page.executeScript("window.__leftByTest = true;");
        driver.get(url);
        new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(10))
                .withMessage(() -> url + " did not load in 60 s")
                // asked while the documents change over, the browser may not answer a script
                .ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(page.executeScript(
                        "return window.__leftByTest !== true && document.readyState !== 'loading';")));
    }

    /** Logs in through the login form, as the administrator unless told otherwise. */
    public void logIn(String baseUrl) {
        logIn(baseUrl, "admin", ApiCalls.ADMIN_PASSWORD);
    }

    public void logIn(String baseUrl, String username, String password) {
        navigate(driver, baseUrl + "login");
        waitFor(
                d -> !d.findElements(By.cssSelector("vaadin-text-field[name='username'] input"))
                        .isEmpty(),
                "the login form");
        driver.findElement(By.cssSelector("vaadin-text-field[name='username'] input"))
                .sendKeys(username);
        WebElement field = driver.findElement(By.cssSelector("vaadin-password-field[name='password'] input"));
        field.sendKeys(password);
        field.sendKeys(Keys.ENTER);
        waitFor(
                d -> !d.getCurrentUrl().contains("/login")
                        && !d.findElements(By.id("signed-in-user")).isEmpty(),
                "the page after logging in");
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    public String pageSource() {
        return driver.getPageSource();
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    /**
     * Clicks an element as a person does, scrolling it into view first: the page scrolls inside the
     * app layout's shadow root, where the driver's own scrolling does not reach.
     */
    public void click(By by) {
        click(driver, by);
    }

    /** See {@link #click(By)}. */
    public static void click(WebDriver driver, By by) {
        WebElement element = driver.findElement(by);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    public Object asyncScript(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, arguments);
    }

    /** The texts of all grid cells, read in one script call: grids re-render their cells while they change. */
    @SuppressWarnings("unchecked")
    public List<String> cellTexts() {
        return (List<String>) script(
                "return [...document.querySelectorAll('vaadin-grid-cell-content')].map(c => c.textContent.trim())");
    }

    /** Waits, and on time-out keeps a screenshot and the page's text, which say why. */
    public void waitFor(Function<WebDriver, Boolean> condition, String what) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition);
        } catch (TimeoutException e) {
            try {
                Path folder = Files.createDirectories(Path.of("target", "browser-failures"));
                Files.write(
                        folder.resolve(what.replaceAll("\\W+", "-") + ".png"),
                        ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            } catch (IOException ignored) {
                // the failure below matters more than its screenshot
            }
            throw new AssertionError(
                    "Timed out waiting for " + what + " at " + driver.getCurrentUrl() + " with cookies "
                            + driver.manage().getCookies() + "; the page shows: "
                            + driver.findElement(By.tagName("body")).getText()
                            + "\nImmich simulator requests in flight: "
                            + TestImmich.simulator().inFlight()
                            + "\nThe application's own threads: " + ServerThreads.applicationFrames(),
                    e);
        }
    }
}
