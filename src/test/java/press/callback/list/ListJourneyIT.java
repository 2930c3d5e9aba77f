package press.callback.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import press.callback.cli.Main;
import press.callback.list.service.ListServer;
import press.callback.mail.SmtpServer;
import press.callback.testing.Browser;
import press.callback.testing.StaticServer;
import press.callback.testing.TestSite;

/**
 * A reader's whole journey, as a person makes it, in Chromium: the form on this repository's
 * baked subscribe page → the confirmation email (GreenMail on loopback) → its link, where the
 * page's script presses the button → the site's welcome page and the welcome email → the list
 * exported, an issue sent to it with {@code press send} → that issue's unsubscribe link → the
 * button → unsubscribed; and Gmail's one-click POST on the same link changes nothing more.
 * Nothing is mocked: the real bake, the real service on SQLite, a real SMTP conversation.
 */
class ListJourneyIT {
  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  private static final String SECRET = "journey-secret-of-a-good-length";
  private static final String READER = "robin@example.org";

  @TempDir Path tmp;

  @Test
  void aReaderJoinsOnTheSiteConfirmsGetsAnIssueAndLeavesByItsLink() throws Exception {
    assumeTrue(Browser.unavailable().isEmpty(), () -> Browser.unavailable().orElse(""));
    Path project = tmp.resolve("project");
    for (String folder : List.of("content", "templates", "assets")) {
      TestSite.copyTree(Path.of(folder), project.resolve(folder));
    }
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String service = "http://127.0.0.1:" + port;
    Path props = project.resolve("jbake.properties");
    // The form posts to the service on this machine; the emails' unsubscribe link stays the
    // public https one (the email gate allows nothing else), which a proxy would lead here.
    Files.writeString(props, Files.readString(Path.of("jbake.properties"))
        .replaceFirst("(?m)^newsletter\\.list_url=.*$", "newsletter.list_url=" + service
            + "\nnewsletter.unsubscribe_url=https://list.callback.press/u/{{token}}"));
    assertThat(TestSite.bake(project, project.resolve("target/site")).diagnostics())
        .noneMatch(d -> d.severity() == press.callback.diag.Severity.ERROR);
    assertThat(Files.readString(project.resolve("target/site/subscribe/index.html")))
        .contains("action=\"" + service + "/subscribe\"");

    try (StaticServer site = StaticServer.start(project.resolve("target/site"))) {
      String siteHost = site.base().toString().replaceFirst("/$", "");
      // The service answers the site where the reader is: its origin, its pages.
      Files.writeString(props, Files.readString(props).replaceFirst("(?m)^site\\.host=.*$", "site.host=" + siteHost));
      try (ListServer server = ListServer.start(new ListServer.Options(project, "127.0.0.1", port,
              SmtpServer.parse("smtp://127.0.0.1:" + greenMail.getSmtp().getPort(), null, false),
              List.of(SECRET), null, Clock.systemUTC()), w -> {});
          Browser browser = Browser.start()) {
        // 1. The form on the baked subscribe page, with its script.
        browser.open(site.base(), "/subscribe/");
        browser.driver().findElement(By.cssSelector("main form input[name=email]")).sendKeys(READER);
        browser.driver().findElement(By.cssSelector("main form input[name=name]")).sendKeys("Robin");
        browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
        String said = browser.waitFor("the answer in the live region", d -> {
          String text = d.findElement(By.cssSelector("main form [role=status]")).getText();
          return text.isBlank() ? null : text;
        });
        assertThat(said).containsIgnoringCase("inbox");
        assertThat(status(server)).isEqualTo(ListStatus.PENDING);

        // 2. The confirmation email, and its link opened: the page's script presses the button.
        MimeMessage confirmation = mailTo(READER, 1);
        assertThat(GreenMailUtil.getBody(confirmation)).doesNotContain("Robin");
        String confirm = find(Pattern.compile("(" + Pattern.quote(service) + "/confirm/[A-Za-z0-9_-]{43})"), confirmation);
        browser.driver().get(confirm);
        browser.waitFor("the site's welcome page", d -> d.getCurrentUrl().equals(siteHost + "/subscribe/welcome/"));
        assertThat(status(server)).isEqualTo(ListStatus.SUBSCRIBED);
        MimeMessage welcome = mailTo(READER, 2);
        assertThat(GreenMailUtil.getBody(welcome)).contains("Hi Robin,");

        // 3. The list exported and an issue sent to it, as the author does on Monday.
        Path csv = tmp.resolve("subscribers.csv");
        assertThat(press(Map.of(), "list", "export", csv.toString(), "--source", project.toString())).isZero();
        assertThat(press(Map.of("PRESS_UNSUBSCRIBE_SECRET", SECRET), "send", "2026-11-23",
            "--subscribers", csv.toString(), "--source", project.toString(),
            "--smtp", "smtp://127.0.0.1:" + greenMail.getSmtp().getPort())).isZero();
        MimeMessage issue = mailTo(READER, 3);
        String header = issue.getHeader("List-Unsubscribe", ", ");
        Matcher link = Pattern.compile("<https://list\\.callback\\.press(/u/[^>]+)>").matcher(header);
        assertThat(link.find()).as(header).isTrue();
        String path = link.group(1);
        assertThat(GreenMailUtil.getBody(issue).replace("=\r\n", "")).contains("https://list.callback.press" + path);

        // 4. The issue's unsubscribe link (the proxy leads it here): a page with one button.
        browser.open(URI.create(service + "/"), path.substring(1));
        assertThat(status(server)).as("opening the link changes nothing").isEqualTo(ListStatus.SUBSCRIBED);
        assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("r•••@example.org");
        browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
        browser.waitFor("the site's unsubscribed page", d -> d.getCurrentUrl().equals(siteHost + "/subscribe/unsubscribed/"));
        assertThat(status(server)).isEqualTo(ListStatus.UNSUBSCRIBED);

        // 5. Gmail's one-click POST on the same link: 200, and nothing more changes.
        var oneClick = ListServiceFixture.post(URI.create(service + "/"), path.substring(1),
            "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(status(server)).isEqualTo(ListStatus.UNSUBSCRIBED);
        long id = server.store().byAddress(READER).orElseThrow().id();
        assertThat(server.store().events(id)).extracting(ListEvent::kind)
            .containsSubsequence("signup", "confirmed", "unsubscribed")
            .filteredOn("unsubscribed"::equals).hasSize(1);
      }
    }
  }

  private static ListStatus status(ListServer server) {
    return server.store().byAddress(READER).map(Member::status).orElse(null);
  }

  private static int press(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = new Main(new PrintWriter(out), new PrintWriter(err), Clock.system(ZoneOffset.UTC), env, false).run(args);
    if (code != 0) {
      System.err.println("press " + String.join(" ", args) + " → " + code + "\n" + out + err);
    }
    return code;
  }

  /** The {@code count}-th message to {@code to}, waiting for it up to 15 s. */
  private static MimeMessage mailTo(String to, int count) throws Exception {
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (System.nanoTime() < deadline) {
      List<MimeMessage> mine = new ArrayList<>();
      for (MimeMessage m : greenMail.getReceivedMessages()) {
        if (m.getAllRecipients()[0].toString().contains(to)) {
          mine.add(m);
        }
      }
      if (mine.size() >= count) {
        return mine.get(count - 1);
      }
      greenMail.waitForIncomingEmail(500, greenMail.getReceivedMessages().length + 1);
    }
    throw new AssertionError("no email number " + count + " to " + to);
  }

  private static String find(Pattern p, MimeMessage m) {
    Matcher matcher = p.matcher(GreenMailUtil.getBody(m).replace("=\r\n", ""));
    assertThat(matcher.find()).as("a link in %s", GreenMailUtil.getBody(m)).isTrue();
    return matcher.group(1);
  }
}
