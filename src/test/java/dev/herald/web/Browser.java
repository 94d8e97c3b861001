package dev.herald.web;

import dev.herald.testing.Herald;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium window on the web inbox, driven through the machine's own chromedriver
 * (Debian's chromium and chromium-driver): nothing is downloaded, Selenium Manager never runs. Each
 * instance is its own browser with a fresh profile, so two of them are two users' devices.
 * Binaries: system properties herald.it.chromium and herald.it.chromedriver, else /usr/bin.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM =
      Path.of(System.getProperty("herald.it.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("herald.it.chromedriver", "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final Duration WAIT = Duration.ofSeconds(10);
  // Selenium looks for a CDP binding matching the browser at start and warns when there is none;
  // only chromedriver's own CDP endpoint is used here, which needs none
  private static final java.util.logging.Logger CDP_LOG = quiet("org.openqa.selenium.devtools");

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
    logger.setLevel(java.util.logging.Level.SEVERE);
    return logger;
  }

  /**
   * Records what the page does that a test must see but a headless browser would not show: desktop
   * notifications and alert/confirm/prompt dialogs. Runs before the page's own scripts.
   */
  private static final String RECORDER =
      """
      window.__herald = { notifications: [], dialogs: [] };
      if ('Notification' in window) {
        const Original = window.Notification;
        const Recorded = function (title, options) {
          window.__herald.notifications.push({ title, body: options && options.body,
            tag: options && options.tag, hidden: document.visibilityState });
          try { return new Original(title, options); } catch (e) { return new EventTarget(); }
        };
        Object.defineProperty(Recorded, 'permission', { get: () => Original.permission });
        Recorded.requestPermission = (...args) => Original.requestPermission(...args);
        window.Notification = Recorded;
      }
      for (const name of ['alert', 'confirm', 'prompt']) {
        window[name] = (...args) => { window.__herald.dialogs.push({ name, args }); return null; };
      }
      """;

  /**
   * A scripted live stream for the page: GET /api/stream is answered in the page itself, and the
   * test writes the events ({@link #push}). Everything else goes to the server.
   */
  private static final String SCRIPTED_STREAM =
      """
      (() => {
        const realFetch = window.fetch.bind(window);
        const encoder = new TextEncoder();
        const open = [];
        window.__herald.stream = { connections: 0,
          push: (text) => open.forEach((c) => c.enqueue(encoder.encode(text))) };
        window.fetch = (input, init) => {
          const url = typeof input === 'string' ? input : input.url;
          if (!url.endsWith('/api/stream')) return realFetch(input, init);
          window.__herald.stream.connections++;
          const body = new ReadableStream({ start(c) {
            open.push(c); c.enqueue(encoder.encode('retry: 3000\\n\\n')); } });
          return Promise.resolve(new Response(body, { status: 200,
            headers: { 'Content-Type': 'text/event-stream' } }));
        };
      })();
      """;

  final ChromeDriver driver;
  private final Path profile;

  private Browser(int width, int height, boolean mobile) {
    try {
      profile = Files.createTempDirectory("herald-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--lang=en-US",
        "--force-device-scale-factor=1",
        "--window-size=" + width + "," + height,
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withLogFile(Path.of("target", "chromedriver.log").toFile())
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(WAIT);
    cdp("Page.enable", Map.of());
    cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));
    viewport(width, height, mobile);
  }

  /** Why browser tests cannot run here, if they cannot: a missing binary, named. */
  static Optional<String> missing() {
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(CHROMIUM)) {
      missing.add("Chromium (" + CHROMIUM + ")");
    }
    if (!Files.isExecutable(CHROMEDRIVER)) {
      missing.add("chromedriver (" + CHROMEDRIVER + ")");
    }
    return missing.isEmpty()
        ? Optional.empty()
        : Optional.of(
            "browser tests skipped: "
                + String.join(" and ", missing)
                + " not found; install Debian's chromium and chromium-driver"
                + " (or set -Dherald.it.chromium / -Dherald.it.chromedriver)");
  }

  private static volatile boolean said;

  /**
   * Skips the calling test when there is no browser, saying why in the build's output (once) and in
   * the test report (each test counts as skipped).
   */
  static void assumeAvailable() {
    missing()
        .ifPresent(
            reason -> {
              if (!said) {
                said = true;
                System.out.println("[WARNING] " + reason);
              }
              Assumptions.abort(reason);
            });
  }

  /** A desktop-sized window whose live stream the test scripts (see {@link #push}). */
  static Browser withScriptedStream() {
    Browser browser = open();
    browser.cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", SCRIPTED_STREAM));
    return browser;
  }

  /** Writes one event to the page's scripted stream. */
  void push(String type, String id, String json) {
    js(
        "window.__herald.stream.push(arguments[0]);",
        "id: " + id + "\nevent: " + type + "\ndata: " + json + "\n\n");
  }

  /** A desktop-sized window, or null when there is no browser (its tests are skipped). */
  static Browser openIfAvailable() {
    return missing().isEmpty() ? open() : null;
  }

  /** A desktop-sized window. */
  static Browser open() {
    return new Browser(1280, 800, false);
  }

  /** A phone-sized window (iPhone-like 375 x 740 CSS pixels). */
  static Browser phone() {
    return new Browser(375, 740, true);
  }

  URI url(String path) {
    return Herald.base().resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  Browser go(String path) {
    driver.get(url(path).toString());
    return this;
  }

  /** Opens the page and signs in as {@code user} with the development sign-in. */
  Browser signIn(String user) {
    go("/");
    js("sessionStorage.clear();");
    go("/");
    WebElement name = until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-user")));
    name.clear();
    name.sendKeys(user);
    find("#signin-dev button[type=submit]").click();
    until(ExpectedConditions.visibilityOfElementLocated(By.id("app")));
    until(d -> user.equals(find("#me-name").getAttribute("textContent")));
    return this;
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /**
   * The visible text of every element matching {@code css}, read in one step in the page, so a list
   * it re-renders meanwhile cannot go stale half-way through.
   */
  @SuppressWarnings("unchecked")
  List<String> texts(String css) {
    return (List<String>)
        js("return [...document.querySelectorAll(arguments[0])].map(e => e.innerText.trim())", css);
  }

  <T> T until(Function<WebDriver, T> condition) {
    return until(WAIT, condition);
  }

  <T> T until(Duration timeout, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, timeout, Duration.ofMillis(25))
        .ignoring(StaleElementReferenceException.class) // the page re-rendered a list meanwhile
        .until(condition);
  }

  /**
   * The text content of the first element matching {@code css}, read even while lists re-render.
   */
  String textOf(String css) {
    return attributeOf(css, "textContent");
  }

  /** An attribute of the first element matching {@code css}, read even while lists re-render. */
  String attributeOf(String css, String name) {
    return until(d -> d.findElement(By.cssSelector(css)).getAttribute(name));
  }

  /** Waits until an element matching {@code css} shows {@code text} (a substring). */
  WebElement untilText(String css, String text) {
    return until(
        d ->
            d.findElements(By.cssSelector(css)).stream()
                .filter(e -> e.getText().contains(text))
                .findFirst()
                .orElse(null));
  }

  /**
   * Clicks the element matching {@code css} that shows {@code text}, finding it again if the page
   * re-rendered it between finding and clicking (a live event can do that at any moment).
   */
  void clickText(String css, String text) {
    until(
        d -> {
          WebElement element = untilText(css, text);
          element.click();
          return true;
        });
  }

  /** Whether the page has finished showing this path's view (no request of it still pending). */
  Browser at(String path) {
    until(d -> path.equals(js("return location.pathname + location.search;")));
    return this;
  }

  /** The browser's console lines so far (errors, CSP violations, warnings). */
  List<String> console() {
    return driver.manage().logs().get("browser").getAll().stream()
        .map(entry -> entry.getLevel() + " " + entry.getMessage())
        .toList();
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  Object jsAsync(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
  }

  Map<String, Object> cdp(String command, Map<String, Object> params) {
    return driver.executeCdpCommand(command, params);
  }

  /** What the page passed to window.Notification, and alert/confirm/prompt calls (see above). */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> recorded(String what) {
    return (List<Map<String, Object>>) js("return window.__herald." + what + ";");
  }

  /** The page's viewport in CSS pixels, exactly (a window's size would include its frame). */
  void viewport(int width, int height, boolean mobile) {
    cdp(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
  }

  /** A PNG of the window in target/screenshots/{name}.png. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteQuietly(profile);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is harmless
    }
  }
}
