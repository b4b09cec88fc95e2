package se.tidigt.gateway.support;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Pattern;

/**
 * A real headless Chromium (Debian's chromium and chromedriver, paths given so Selenium never
 * downloads a driver), with its console captured and downloads going to a directory of the test's.
 * Browser tests share its set-up as an extension: {@code @RegisterExtension final Browser browser =
 * Browser.perTest(() -> port);} opens a fresh browser (and download directory) for each test and quits it after.
 */
public final class Browser implements AutoCloseable, BeforeEachCallback, AfterEachCallback {
    private static final String CHROMIUM = System.getenv().getOrDefault("TIDIGT_CHROMIUM", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getenv().getOrDefault("TIDIGT_CHROMEDRIVER", "/usr/bin/chromedriver");

    /** Words that give English or a raw code away in a Swedish page. */
    public static final Pattern NOT_SWEDISH = Pattern.compile(
            "\\b(the|and|of|with|months since|warnings?|caveat|districts?|percentage|interval|suppressed|effect)\\b"
                    + "|\\b[A-Z]{2,}_[A-Z_]+\\b|\\bBUDGET\\b|RECRUITMENT|\\[\\]|cell-key|perturbation|SEK\\b",
            Pattern.CASE_INSENSITIVE);

    private final IntSupplier port;
    private ChromeDriver driver;
    private String base;
    private Path downloads;

    private Browser(IntSupplier port) {
        this.port = port;
    }

    /** One browser per test, on the port the test's application listens on once the test instance is ready. */
    public static Browser perTest(IntSupplier port) {
        return new Browser(port);
    }

    public Browser(int port, Path downloads) {
        this.port = () -> port;
        start(downloads);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        start(Files.createTempDirectory("tidigt-browser-downloads"));
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (driver != null) {
            close();
            driver = null;
        }
        try (Stream<Path> files = Files.walk(downloads)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /** Where the browser saves what the page downloads. */
    public Path downloads() {
        return downloads;
    }

    private void start(Path downloads) {
        this.downloads = downloads;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--lang=sv-SE");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.base = "http://127.0.0.1:" + port.getAsInt();
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public WebDriverWait waiting(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    /** Signs in through the sign-in page's form. */
    public void signIn(String user) {
        open("/");
        waiting(Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/login"));
        find("#username").sendKeys(user);
        find("#password").sendKeys("demo");
        find("#sign-in").click();
    }

    /** Waits until the page has drawn its view with figures from the API. */
    public void awaitFigures() {
        waiting(Duration.ofSeconds(90)).until(d -> {
            Object status = script("return document.getElementById('status') && document.getElementById('status').textContent");
            if (status != null && (status.toString().startsWith("Kunde inte") || status.toString().startsWith("Could not"))) {
                throw new AssertionError("The page could not load its figures: " + status);
            }
            return Boolean.TRUE.equals(script("return !!document.querySelector('#view [data-chart], #view table')"
                    + " && !document.body.hasAttribute('aria-busy')"));
        });
    }

    /**
     * Scrolls every shown chart into view in turn (a chart is drawn when it comes near the screen) and
     * waits until each is drawn; then back to the top. Charts in a folded section stay undrawn.
     */
    public void drawCharts() {
        waiting(Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(script("""
                const undrawn = [...document.querySelectorAll('[data-chart]')].filter(c => c.offsetParent !== null && !c.querySelector('svg'));
                if (undrawn.length) {
                    undrawn[0].scrollIntoView({ block: 'center' });
                }
                return undrawn.length === 0;""")));
        script("window.scrollTo(0, 0)");
    }

    /** The stamp of the view's last drawing; pass it to {@link #awaitRedrawn} after changing something. */
    public String drawn() {
        return String.valueOf(script("return document.getElementById('view').dataset.rendered || ''"));
    }

    public void awaitRedrawn(String before) {
        waiting(Duration.ofSeconds(90)).until(d -> !drawn().equals(before)
                && Boolean.TRUE.equals(script("return !document.body.hasAttribute('aria-busy')")));
    }

    /** Everything the page wrote to the console at level SEVERE (errors, failed loads). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    /** Emulates a phone's viewport (CSS pixels, touch, a phone's user agent rules), as DevTools' device mode does. */
    public void resize(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
    }

    public byte[] screenshot() {
        return driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
