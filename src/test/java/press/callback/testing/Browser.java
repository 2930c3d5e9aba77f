package press.callback.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver by Selenium: one per test
 * class. Where either program is missing the calling test class is skipped, with a message
 * saying how to install them ({@code .ci/run} installs them, so CI never skips).
 *
 * <p>Paths: {@code -Dpress.chromium=...} and {@code -Dpress.chromedriver=...}, by default
 * {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}.
 */
public final class Browser implements AutoCloseable {
  /** How to get what the browser tests need, on Debian or Ubuntu. */
  public static final String INSTALL = "sudo apt-get install -y chromium chromium-driver";

  private static final Duration WAIT = Duration.ofSeconds(15);

  private final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  private static Path chromium() {
    return Path.of(System.getProperty("press.chromium", "/usr/bin/chromium"));
  }

  private static Path chromedriver() {
    return Path.of(System.getProperty("press.chromedriver", "/usr/bin/chromedriver"));
  }

  /**
   * Why the browser tests cannot run here, with how to fix it; empty when Chromium and
   * chromedriver are both there.
   */
  public static java.util.Optional<String> unavailable() {
    List<String> missing = new ArrayList<>();
    for (Path p : List.of(chromium(), chromedriver())) {
      if (!Files.isExecutable(p)) {
        missing.add(p.toString());
      }
    }
    if (missing.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of("Browser tests skipped: " + String.join(" and ", missing)
        + " not found. Install Chromium and its driver with: " + INSTALL
        + " (or pass -Dpress.chromium=PATH -Dpress.chromedriver=PATH). CI installs them (.ci/run).");
  }

  /** Starts a browser, or skips the calling tests if Chromium or chromedriver is missing. */
  public static Browser start() {
    java.util.Optional<String> why = unavailable();
    Assumptions.assumeTrue(why.isEmpty(), why::get);
    Path chromium = chromium();
    Path chromedriver = chromedriver();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox", // CI runs as root; the browser only ever loads the baked site on loopback
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--no-default-browser-check",
        // nothing but the page under test may use the network (the machine has none to give)
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--disable-extensions",
        "--disable-features=Translate,MediaRouter,OptimizationHints",
        "--force-device-scale-factor=1",
        "--window-size=1280,900",
        "--lang=en-US");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(chromedriver.toString()))
        .usingAnyFreePort()
        .build();
    return new Browser(new ChromeDriver(service, options));
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Opens {@code path} (with its query) on {@code base} and waits until the page has loaded. */
  public void open(URI base, String path) {
    driver.get(base.resolve(path).toString());
    waitFor("page " + path + " to load", d -> "complete".equals(js("return document.readyState")));
  }

  /** Runs a script in the page: its {@code return} value, as Selenium converts it. */
  @SuppressWarnings("unchecked")
  public <T> T js(String script, Object... args) {
    return (T) ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /**
   * Runs a script that calls its last argument, {@code done}, with the result (for promises).
   */
  @SuppressWarnings("unchecked")
  public <T> T jsAsync(String script, Object... args) {
    return (T) ((JavascriptExecutor) driver).executeAsyncScript(script, args);
  }

  /** A Chrome DevTools Protocol command. */
  public Map<String, Object> cdp(String command, Map<String, Object> params) {
    return driver.executeCdpCommand(command, params);
  }

  /** Waits (up to 15 s) until {@code condition} holds, failing with its description. */
  public <T> T waitFor(String what, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT).withMessage(() -> "waited 15 s for " + what).until(condition);
  }

  /** Emulates {@code prefers-color-scheme: light} or {@code dark} for the pages opened next. */
  public void colorScheme(String scheme) {
    cdp("Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
  }

  /**
   * Emulates a screen {@code width} CSS pixels wide at {@code zoom} (1 or 2; 2 is a desktop
   * browser at 200%); below 600 pixels, a phone (the page's viewport meta applies).
   */
  public void viewport(int width, int height, int zoom) {
    cdp("Emulation.setDeviceMetricsOverride", Map.of(
        "width", width, "height", height, "deviceScaleFactor", zoom, "mobile", width < 600));
  }

  /** Turns JavaScript off (or on again) for the pages opened next. */
  public void javascript(boolean enabled) {
    cdp("Emulation.setScriptExecutionDisabled", Map.of("value", !enabled));
  }

  /** Saves the whole page, not only the visible part, as a PNG. */
  @SuppressWarnings("unchecked")
  public void screenshot(Path file) {
    Map<String, Object> metrics = cdp("Page.getLayoutMetrics", Map.of());
    Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
    double width = ((Number) size.get("width")).doubleValue();
    double height = ((Number) size.get("height")).doubleValue();
    Map<String, Object> shot = cdp("Page.captureScreenshot", Map.of(
        "format", "png",
        "captureBeyondViewport", true,
        "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
