package press.callback.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import press.callback.testing.Browser;
import press.callback.testing.NeedsChromium;
import press.callback.testing.StaticServer;
import press.callback.testing.TestSite;

/**
 * The subscribe form in Chromium against a scripted list service on loopback (a real HTTP server
 * in the test that records each request and answers as the service does): with JavaScript the
 * answer shows in the form's live region, the request a simple CORS one with a urlencoded body;
 * without, the form posts and the service's redirect lands on the check-your-inbox page. Also
 * takes the screenshots of the form to review (target/screenshots/subscribe-*.png).
 */
@ExtendWith(NeedsChromium.class)
class SubscribeFormIT {
  private static final String OK = "Almost there: we sent you an email. Press its button to confirm.";
  private static final String SLOW = "slow@example.org";
  private static final String DROP = "drop@example.org";

  /** A request the scripted service got. */
  record Request(String method, String path, Map<String, String> headers, String body) {}

  private static Browser browser;
  private static HttpServer list;
  private static StaticServer site;
  private static URI base;
  private static final List<Request> requests = new CopyOnWriteArrayList<>();
  private static volatile CountDownLatch release = new CountDownLatch(0);

  @BeforeAll
  static void start(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
    browser = Browser.start();
    list = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    list.createContext("/", SubscribeFormIT::answer);
    list.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    list.start();
    Path project = TestSite.create(tmp, "basic");
    Files.copy(Path.of("content/subscribe.md"), project.resolve("content/subscribe.md"), StandardCopyOption.REPLACE_EXISTING);
    Files.createDirectories(project.resolve("content/subscribe"));
    try (Stream<Path> pages = Files.list(Path.of("content/subscribe"))) {
      for (Path page : pages.toList()) {
        Files.copy(page, project.resolve("content/subscribe").resolve(page.getFileName().toString()));
      }
    }
    Path file = project.resolve("jbake.properties");
    TestSite.write(file, TestSite.read(file).replace("newsletter.list_url=https://list.callback.press\n",
        "newsletter.list_url=http://127.0.0.1:" + list.getAddress().getPort() + "\n"
            + "newsletter.unsubscribe_url=https://callback.press/unsubscribe/?token={{token}}\n"));
    Path out = tmp.resolve("site");
    SiteBaker.Result result = TestSite.bake(project, out);
    assertThat(result.ok()).as(result.diagnostics().toString()).isTrue();
    site = StaticServer.start(out);
    base = site.base();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (list != null) {
      list.stop(0);
    }
    if (site != null) {
      site.close();
    }
  }

  @BeforeEach
  void clear() {
    requests.clear();
    release = new CountDownLatch(0);
    browser.javascript(true);
    browser.viewport(1280, 900, 1);
    browser.colorScheme("light");
  }

  /** The scripted list service: records the request, answers as {@code POST /subscribe} does. */
  private static void answer(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(", ", v)));
    requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
    String origin = base.toString().substring(0, base.toString().length() - 1);
    exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
    exchange.getResponseHeaders().set("Vary", "Origin");
    if (body.contains(java.net.URLEncoder.encode(DROP, StandardCharsets.UTF_8))) { // dropped, no answer
      exchange.close();
      return;
    }
    if (body.contains(java.net.URLEncoder.encode(SLOW, StandardCharsets.UTF_8))) {
      try {
        release.await(15, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (!headers.getOrDefault("Accept", "").contains("application/json")) {
      exchange.getResponseHeaders().set("Location", base.resolve("/subscribe/check-your-inbox/").toString());
      exchange.sendResponseHeaders(303, -1);
      exchange.close();
      return;
    }
    byte[] json = ("{\"ok\":true,\"message\":\"" + OK + "\"}").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, json.length);
    exchange.getResponseBody().write(json);
    exchange.close();
  }

  private static WebElement field(String css) {
    return browser.driver().findElement(By.cssSelector(css));
  }

  private static String status() {
    return field("form[data-subscribe] [aria-live=polite]").getText();
  }

  @Test
  void theAnswerShowsInTheLiveRegionAndTheBodyIsUrlencoded() {
    browser.open(base, "/subscribe/");
    field("#subscribe-email").sendKeys("ana+news@example.org");
    field("#subscribe-name").sendKeys("Ana & Bo");
    field("form[data-subscribe] button[type=submit]").click();

    browser.waitFor("the answer in the live region", d -> status().equals(OK));
    assertThat(requests).hasSize(1); // a simple request: no OPTIONS preflight
    Request r = requests.get(0);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/subscribe");
    assertThat(r.headers().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(r.headers().get("Accept")).isEqualTo("application/json");
    assertThat(r.headers().get("Origin")).isEqualTo(base.toString().substring(0, base.toString().length() - 1));
    assertThat(r.body()).isEqualTo("email=ana%2Bnews%40example.org&name=Ana+%26+Bo&website=");
    assertThat((String) browser.js("return document.querySelector('input[name=website]').value")).isEmpty();
    assertThat(field("form[data-subscribe] button[type=submit]").isEnabled()).isTrue();
  }

  @Test
  void theButtonIsDisabledWhileSendingAndTheFormStaysUsableAfterANetworkError() {
    release = new CountDownLatch(1);
    browser.open(base, "/");
    field("#cta-email").sendKeys(SLOW);
    WebElement button = field("form[data-subscribe] button[type=submit]");
    button.click();
    browser.waitFor("the button disabled while sending", d -> !button.isEnabled());
    assertThat(status()).isEqualTo("Sending…");
    release.countDown();
    browser.waitFor("the answer", d -> status().equals(OK));
    assertThat(button.isEnabled()).isTrue();

    field("#cta-email").sendKeys(DROP);
    button.click();
    browser.waitFor("the network error's message", d -> status().startsWith("We could not reach"));
    assertThat(button.isEnabled()).isTrue();
    assertThat(field("#cta-email").getAttribute("value")).isEqualTo(DROP);
  }

  @Test
  void withoutJavaScriptTheServiceRedirectsToCheckYourInbox() {
    browser.javascript(false);
    browser.open(base, "/subscribe/");
    field("#subscribe-email").sendKeys("no-js@example.org");
    field("form[data-subscribe] button[type=submit]").click();

    browser.waitFor("the check-your-inbox page", d -> d.getCurrentUrl().endsWith("/subscribe/check-your-inbox/")
        && "complete".equals(browser.js("return document.readyState")));
    assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Check your inbox");
    assertThat(requests).extracting(Request::body).containsExactly("email=no-js%40example.org&name=&website=");
  }

  @Test
  void screenshotsOfTheForm() {
    Path folder = Path.of("target", "screenshots");
    for (String scheme : List.of("light", "dark")) {
      browser.colorScheme(scheme);
      for (int width : List.of(375, 1280)) {
        browser.viewport(width, width < 600 ? 740 : 900, 1);
        browser.open(base, "/subscribe/");
        browser.screenshot(folder.resolve("subscribe-page-" + width + "-" + scheme + ".png"));
        browser.open(base, "/");
        browser.js("document.querySelector('.cta').scrollIntoView()");
        browser.screenshot(folder.resolve("subscribe-home-" + width + "-" + scheme + ".png"));
      }
    }
    assertThat(folder.resolve("subscribe-home-375-dark.png")).isRegularFile();
  }
}
