package press.callback.list;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import press.callback.list.service.ListServer;
import press.callback.mail.PickupFolder;
import press.callback.testing.Browser;
import press.callback.testing.NeedsChromium;
import press.callback.testing.StaticServer;
import press.callback.testing.TestSite;

/**
 * Issue 15: the list service's pages in real Chromium. The site (its stylesheet, its welcome page)
 * is a static server on loopback, so the pages load the site's CSS under the service's
 * Content-Security-Policy and the redirects land.
 */
@ExtendWith(NeedsChromium.class)
class ListServiceBrowserIT {
  private static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  @TempDir static Path tmp;
  static StaticServer site;
  static ListServer server;
  static URI base;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    Path root = tmp.resolve("site");
    Files.createDirectories(root.resolve("css"));
    Files.copy(Path.of("assets/css/site.css"), root.resolve("css/site.css"));
    Files.createDirectories(root.resolve("subscribe/welcome"));
    Files.writeString(root.resolve("subscribe/welcome/index.html"),
        "<!DOCTYPE html><html lang=\"en\"><title>Welcome</title><h1>Welcome aboard</h1></html>");
    site = StaticServer.start(root);
    Path project = TestSite.create(tmp, "basic");
    ListServiceFixture.writeListEmails(project); // baked with the https site.host: emails link only to https
    String host = site.base().toString().replaceFirst("/$", "");
    Path props = project.resolve("jbake.properties");
    Files.writeString(props, Files.readString(props).replaceFirst("(?m)^site\\.host=.*$", "site.host=" + host));
    server = ListServer.start(new ListServer.Options(project, "127.0.0.1", 0, new PickupFolder(tmp.resolve("outbox")),
        List.of(ListServiceFixture.SECRET), null, Clock.systemUTC()), w -> {});
    base = URI.create("http://127.0.0.1:" + server.address().getPort() + "/");
    browser = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    server.close();
    site.close();
  }

  private static String confirmationToken(String email) {
    String token = Tokens.newConfirmation(new SecureRandom());
    Instant now = Instant.now();
    server.store().signup(new ListStore.Signup(email, "", Tokens.hash(token), now, now.plus(Duration.ofDays(7)), "test"),
        ListStore.Limits.DEFAULT);
    return token;
  }

  private static String memberToken(String email) {
    server.store().put(email, "Ada", ListStatus.SUBSCRIBED, Instant.now(), "test");
    long id = server.store().byAddress(email).orElseThrow().id();
    return new Tokens(List.of(ListServiceFixture.SECRET), "weekly.callback.press").member(id);
  }

  @Test
  void theScriptPressesTheConfirmButtonAndTheReaderIsSubscribed() {
    String token = confirmationToken("js@example.org");
    browser.javascript(true);
    browser.open(base, "/confirm/" + token);
    browser.waitFor("the site's welcome page", d -> d.getCurrentUrl().endsWith("/subscribe/welcome/"));
    assertThat(server.store().byAddress("js@example.org").orElseThrow().status()).isEqualTo(ListStatus.SUBSCRIBED);
  }

  @Test
  void withoutJavaScriptTheReaderPressesTheButton() {
    String token = confirmationToken("nojs@example.org");
    browser.javascript(false);
    try {
      browser.open(base, "/confirm/" + token);
      assertThat(server.store().byAddress("nojs@example.org").orElseThrow().status()).isEqualTo(ListStatus.PENDING);
      browser.driver().findElement(org.openqa.selenium.By.cssSelector("button[type=submit]")).click();
      browser.waitFor("the site's welcome page", d -> d.getCurrentUrl().endsWith("/subscribe/welcome/"));
    } finally {
      browser.javascript(true);
    }
    assertThat(server.store().byAddress("nojs@example.org").orElseThrow().status()).isEqualTo(ListStatus.SUBSCRIBED);
  }

  @Test
  void axeFindsNoViolationsOnTheServicePages() {
    String member = memberToken("axe@example.org");
    Map<String, String> pages = Map.of(
        "confirm", "/confirm/" + Tokens.newConfirmation(new SecureRandom()),
        "unsubscribe", "/u/" + member,
        "prefs", "/prefs/" + member,
        "not found", "/u/v1.1.forged");
    for (Map.Entry<String, String> page : pages.entrySet()) {
      // Loaded without JavaScript (the confirm page would press its own button), then checked
      // with it on again: axe runs as a script, the page's own script has had its chance.
      browser.javascript(false);
      browser.open(base, page.getValue());
      browser.javascript(true);
      String name = page.getKey();
      assertThat(browser.<String>js("return getComputedStyle(document.body).backgroundColor"))
          .as("the site's stylesheet applies on " + name).isNotEqualTo("rgba(0, 0, 0, 0)");
      Results results = new AxeBuilder().withTags(WCAG_A_AA).analyze(browser.driver());
      assertThat(results.isErrored()).as(results.getErrorMessage()).isFalse();
      assertThat(results.getPasses()).as("axe ran on " + name).isNotEmpty();
      assertThat(results.getViolations()).as(name + ": " + results.getViolations().stream().map(Rule::getId).toList())
          .isEmpty();
    }
  }
}
