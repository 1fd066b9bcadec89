package io.demodeck.e2e;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One headless Debian Chromium for a test class, driven by the system chromedriver (Selenium Manager
 * never runs, so nothing is downloaded). Steps run through {@link #step}, which saves a screenshot to
 * {@code target/browser-screenshots/<test>-<step>.png} when the step fails.
 *
 * <p>Where Chromium or chromedriver is missing the browser tests are skipped with a message, except under
 * {@code CI=true}, where a missing browser is a failure.
 */
public final class BrowserSession implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String INSTALL = "Install Debian's chromium and chromium-driver (.ci/run does) to run it.";
    /** Selenium warns that it has no CDP bindings for this Chromium; the tests use WebDriver only. */
    private static final java.util.logging.Logger CDP_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;
    private final URL base;
    private String testName = "browser";
    private int actions;

    private BrowserSession(ChromeDriver driver, ChromeDriverService service, Path profile, URL base) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
        this.base = base;
    }

    static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips the calling test (or fails it under CI=true) because a tool is missing; the hint says how to get it. */
    static void unavailable(String reason, String hint) {
        if (ci()) {
            Assertions.fail(reason + " (CI=true: a missing browser-test tool is a failure, not a skip); " + hint);
        }
        Assumptions.abort(reason + "; skipping this browser test. " + hint);
    }

    /** Starts Chromium: headless, a fresh empty profile, 1280x900, English. */
    public static BrowserSession start(URL base) {
        if (!Files.isExecutable(CHROMIUM)) {
            unavailable("No Chromium at " + CHROMIUM, INSTALL);
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            unavailable("No chromedriver at " + CHROMEDRIVER, INSTALL);
        }
        CDP_LOG.setLevel(java.util.logging.Level.SEVERE);
        // belt and braces: with an explicit driver and binary Selenium Manager has nothing to resolve
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile;
        try {
            profile = Files.createTempDirectory("demodeck-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        // the console, where Chromium reports what the Content-Security-Policy blocked
        org.openqa.selenium.logging.LoggingPreferences logging = new org.openqa.selenium.logging.LoggingPreferences();
        logging.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        // a headless window need not hold the system focus (Chromium 150 here: document.hasFocus() is false), and
        // then :focus and :focus-visible match nothing; a learner's window has the focus, so the tests emulate it
        driver.executeCdpCommand("Emulation.setFocusEmulationEnabled", Map.of("enabled", true));
        return new BrowserSession(driver, service, profile, base);
    }

    /**
     * What the Content-Security-Policy blocked since the last call (Chromium logs each refusal to the console):
     * a script, style or image a page needed that the policy does not allow.
     */
    public List<String> contentSecurityPolicyViolations() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }

    public WebDriver driver() {
        return driver;
    }

    /** Names the screenshots of the following steps. */
    public void test(String name) {
        this.testName = name;
    }

    /** Runs a step; if it fails, saves a screenshot named after the test and the step, then rethrows. */
    public void step(String name, Runnable body) {
        try {
            body.run();
        } catch (RuntimeException | AssertionError e) {
            Path shot = screenshot(name);
            e.addSuppressed(new RuntimeException("step '" + name + "' failed at " + driver.getCurrentUrl()
                    + "; screenshot: " + shot));
            throw e;
        }
    }

    Path screenshot(String step) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve((testName + "-" + step).replaceAll("[^A-Za-z0-9._-]+", "_") + ".png");
            File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target.toAbsolutePath();
        } catch (Exception e) {
            return null; // the step's own failure matters more than the screenshot's
        }
    }

    public void open(String path) {
        driver.get(base.toString().replaceAll("/$", "") + path);
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.substring(base.toString().replaceAll("/$", "").length());
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public <T> T waitFor(ExpectedCondition<T> condition) {
        return waitFor(WAIT, condition);
    }

    /** Retries while the page is being replaced: an element found just before a navigation turns stale, not wrong. */
    public <T> T waitFor(Duration timeout, ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, timeout).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Presses keys on whatever has the focus, as a user would; counted in {@link #actions()}. */
    public void press(CharSequence... keys) {
        for (CharSequence key : keys) {
            new Actions(driver).sendKeys(key).perform();
            actions++;
        }
    }

    /** Types text into the focused element (counted as one action per text). */
    public void type(String text) {
        new Actions(driver).sendKeys(text).perform();
        actions++;
    }

    /**
     * Presses a key and waits for the page's content to be replaced: a new page, or (a grade on the study page) the
     * next card shown in place by js/study.js.
     */
    public void pressAndWaitForNewPage(CharSequence key) {
        WebElement main = find("main");
        press(key);
        waitFor(d -> isStale(main) && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Clicks an element and waits for the page's content to be replaced, as {@link #pressAndWaitForNewPage} does. */
    public void clickAndWaitForNewPage(String css) {
        WebElement main = find("main");
        find(css).click();
        waitFor(d -> isStale(main) && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private static boolean isStale(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            // while the old document is being torn down Chromium may answer this instead of "stale element"
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    public int actions() {
        return actions;
    }

    public void resetActions() {
        actions = 0;
    }

    /** Ctrl+A: selects all text in the focused field. */
    public void selectAll() {
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).perform();
        actions++;
    }

    public void tab() {
        press(Keys.TAB);
    }

    public Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    public Object asyncScript(String js, Object... args) {
        return driver.executeAsyncScript(js, args);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.close();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp profile left behind is harmless
            }
        }
    }
}
