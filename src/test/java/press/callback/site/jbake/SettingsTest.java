package press.callback.site.jbake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import press.callback.diag.Diagnostic;
import press.callback.testing.TestSite;
import press.callback.site.SiteBaker;
import press.callback.site.LiveSite;

/**
 * The settings press reads from {@code jbake.properties}, checked as content is: a bad value or an
 * unknown key fails the bake at its line and column, with a hint, and nothing is written.
 */
class SettingsTest {
  @TempDir Path tmp;

  /** Sets {@code line} in the project's jbake.properties (replacing its key's line, or appended). */
  private static String set(Path project, String line) {
    Path file = project.resolve("jbake.properties");
    String key = line.substring(0, line.indexOf('='));
    List<String> lines = new ArrayList<>(TestSite.read(file).lines().toList());
    int at = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(key + "=")) {
        at = i;
      }
    }
    if (at >= 0) {
      lines.set(at, line);
    } else {
      lines.add(line);
    }
    TestSite.write(file, String.join("\n", lines) + "\n");
    return TestSite.read(file);
  }

  /** The 1-based line of {@code line} in {@code text}. */
  private static int lineOf(String text, String line) {
    List<String> lines = text.lines().toList();
    assertThat(lines).contains(line);
    return lines.indexOf(line) + 1;
  }

  private static Diagnostic onlyError(SiteBaker.Result result, Path site) {
    assertThat(result.ok()).isFalse();
    assertThat(site).doesNotExist();
    assertThat(result.diagnostics()).hasSize(1);
    return result.diagnostics().get(0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      site.host=https://                         | 11 | site.host has no host name: https://                        | https://example.org
      site.host=not a url                        | 11 | site.host is not an http or https address: not a url         | https://example.org
      site.host=https://callback.press/blog/     | 11 | site.host has a path: https://callback.press/blog/           | scheme and host only
      press.lint=yes                             | 12 | press.lint is not true or false: yes                         | write true or false
      press.lint.email_words=many                | 24 | press.lint.email_words is not a whole number: many           | from 1 to
      press.lint.email_words=0                   | 24 | press.lint.email_words is out of range: 0                    | from 1 to
      newsletter.send_time=8am                   | 22 | newsletter.send_time is not a time of day: 8am               | 08:00
      press.lnt=true                             |  1 | unknown key 'press.lnt'                                      | did you mean 'press.lint'?
      newsletter.unsubscribe_url=http://callback.press/u/?t={{token}} | 28 | newsletter.unsubscribe_url is not an https address: http://callback.press/u/?t={{token}} | https://
      site.locale=en_US                          | 13 | site.locale is not a language tag: en_US                     | en-US
      site.timezone=Mars/Olympus                 | 15 | site.timezone is not a time zone: Mars/Olympus               | America/New_York
      site.host=https://callback.press:99999     | 11 | site.host has no valid port: https://callback.press:99999     | from 1 to 65535
      site.host=https://callback.press:          | 11 | site.host has no valid port: https://callback.press:          | from 1 to 65535
      newsletter.send_time=08:00:59.999          | 22 | newsletter.send_time is not a time of day: 08:00:59.999      | 08:00
      press.lint.email_min_words=500             | 28 | press.lint.email_min_words (500) is above press.lint.email_words (125) | at most 125
      newsletter.list_url=http://list.callback.press | 21 | newsletter.list_url is not an https address: http://list.callback.press | 127.0.0.1
      newsletter.list_url=https://list.callback.press/?a=1 | 21 | newsletter.list_url has a query or fragment: https://list.callback.press/?a=1 | https://list.example.org
      newsletter.list_url=list.callback.press    | 21 | newsletter.list_url is not an http or https address: list.callback.press | https://list.example.org
      newsletter.list_db=jdbc:mysql://db/list    | 20 | newsletter.list_db is not a SQLite or PostgreSQL JDBC URL: jdbc:mysql://db/list | jdbc:sqlite:.press/list.db
      newsletter.list_db=jdbc:sqlite:            | 20 | newsletter.list_db names no database: jdbc:sqlite:          | jdbc:postgresql://
      newsletter.list_trusted_proxy=proxy.local  | 31 | newsletter.list_trusted_proxy is not an IP address: proxy.local | not a host name
      newsletter.list_trusted_proxy=10.0.0.256   | 31 | newsletter.list_trusted_proxy is not an IP address: 10.0.0.256 | 127.0.0.1
      newsletter.list_limit_ip=0                 | 26 | newsletter.list_limit_ip is out of range: 0                  | from 1 to
      newsletter.list_limit_address=-3           | 31 | newsletter.list_limit_address is out of range: -3            | from 1 to
      newsletter.list_limit_emails=lots          | 30 | newsletter.list_limit_emails is not a whole number: lots     | from 1 to
      newsletter.list_ses_topic_arn=arn:aws:sqs:us-east-1:123456789012:q | 31 | newsletter.list_ses_topic_arn is not an SNS topic ARN: arn:aws:sqs:us-east-1:123456789012:q | SNS console
      newsletter.bounce_address=Bounces <bounce@callback.press> | 27 | newsletter.bounce_address is not a bare address for bounces: Bounces <bounce@callback.press> | no name
      newsletter.bounce_address=bounce+x@callback.press | 27 | newsletter.bounce_address is not a bare address for bounces: bounce+x@callback.press | no '+'
      newsletter.bounce_address=bounces          | 27 | newsletter.bounce_address is not a bare address for bounces: bounces | bounce@example.org
      """)
  void settingsAreValidatedWithTheirLine(String line, int column, String message, String hint) {
    Path project = TestSite.create(tmp, "basic");
    String text = set(project, line);
    Path site = tmp.resolve("out/site");

    Diagnostic d = onlyError(TestSite.bake(project, site), site);

    assertThat(d.location()).isEqualTo("jbake.properties:" + lineOf(text, line) + ":" + column);
    assertThat(d.message()).isEqualTo(message);
    assertThat(d.hint()).contains(hint);
    assertThat(d.sourceLine()).isEqualTo(line);
  }

  @Test
  void listSettingsHaveDefaultsAndTheListUrlGivesTheUnsubscribeLink() throws Exception {
    Path project = TestSite.create(tmp, "basic");

    ListSettings list = SiteProject.load(project, tmp.resolve("site")).listSettings();

    assertThat(list).isEqualTo(new ListSettings(
        "https://list.callback.press", "jdbc:sqlite:.press/list.db", null, 10, 3, 200, 3, 30, null));
    assertThat(list.subscribeUrl()).isEqualTo("https://list.callback.press/subscribe");
    assertThat(SiteProject.load(project, tmp.resolve("site")).emailSettings().unsubscribeUrl())
        .isEqualTo("https://list.callback.press/u/{{token}}");
  }

  @Test
  void listSettingsAreReadAsWrittenAndAnExplicitUnsubscribeUrlWins() throws Exception {
    Path project = TestSite.create(tmp, "basic");
    set(project, "newsletter.list_url=http://127.0.0.1:8830/");
    set(project, "newsletter.list_db=jdbc:postgresql://db.internal:5432/press");
    set(project, "newsletter.list_trusted_proxy=::1");
    set(project, "newsletter.list_limit_ip=20");
    set(project, "newsletter.list_limit_address=5");
    set(project, "newsletter.list_limit_emails=1000");
    set(project, "newsletter.list_soft_bounces=4");
    set(project, "newsletter.list_soft_bounce_days=14");
    set(project, "newsletter.bounce_address=bounce@callback.press");
    set(project, "newsletter.unsubscribe_url=https://callback.press/leave/?t={{token}}");

    SiteProject loaded = SiteProject.load(project, tmp.resolve("site"));

    assertThat(loaded.listSettings()).isEqualTo(new ListSettings(
        "http://127.0.0.1:8830", "jdbc:postgresql://db.internal:5432/press", "0:0:0:0:0:0:0:1", 20, 5, 1000, 4, 14,
        "bounce@callback.press"));
    assertThat(loaded.emailSettings().unsubscribeUrl()).isEqualTo("https://callback.press/leave/?t={{token}}");
  }

  @Test
  void anHttpListUrlNeedsAnExplicitHttpsUnsubscribeUrl() {
    Path project = TestSite.create(tmp, "basic");
    set(project, "newsletter.list_url=http://localhost:8830");
    Path site = tmp.resolve("site");

    Diagnostic d = onlyError(TestSite.bake(project, site), site);

    assertThat(d.message()).isEqualTo("newsletter.list_url is an http address, and an email's unsubscribe link must be https");
    assertThat(d.hint()).contains("newsletter.unsubscribe_url=https://");
  }

  @Test
  void withoutAListUrlTheBakeWarnsThatOneClickUnsubscribeHasNoEndpoint() {
    Path project = TestSite.create(tmp, "basic");
    Path file = project.resolve("jbake.properties");
    TestSite.write(file, TestSite.read(file).replace("newsletter.list_url=https://list.callback.press\n", ""));
    set(project, "newsletter.unsubscribe_url=https://callback.press/unsubscribe/?token={{token}}");
    Path site = tmp.resolve("site");

    SiteBaker.Result result = TestSite.bake(project, site);

    assertThat(result.ok()).isTrue();
    assertThat(result.diagnostics()).extracting(Diagnostic::format).containsExactly(
        "jbake.properties: warning: newsletter.list_url is not set: the emails' one-click unsubscribe"
            + " (List-Unsubscribe-Post) has no endpoint\n"
            + "  hint: run the list service (press list serve) and set newsletter.list_url=https://list.example.org;"
            + " the unsubscribe links then lead to it");
  }

  @Test
  void unknownKeysListTheValidOnes() {
    Path project = TestSite.create(tmp, "basic");
    String text = set(project, "newsletter.sender=Me <me@example.org>");
    Path site = tmp.resolve("site");

    Diagnostic d = onlyError(TestSite.bake(project, site), site);

    assertThat(d.location()).isEqualTo("jbake.properties:" + lineOf(text, "newsletter.sender=Me <me@example.org>") + ":1");
    assertThat(d.message()).isEqualTo("unknown key 'newsletter.sender'");
    assertThat(d.hint()).contains("newsletter.from", "newsletter.send_time", "newsletter.unsubscribe_mailto");
  }

  @Test
  void continuedLinesAndCommentsKeepTheLineNumbersRight() {
    Path project = TestSite.create(tmp, "basic");
    Path file = project.resolve("jbake.properties");
    TestSite.write(file, TestSite.read(file).replace("press.lint.grade_max=8\n", "").replace("site.title=Callback Press\n",
        "site.title=Callback \\\n    Press\n# a comment ending in a backslash \\\n! another\n   press.lint.grade_max : ten\n"));
    Path site = tmp.resolve("site");

    Diagnostic d = onlyError(TestSite.bake(project, site), site);

    assertThat(d.location()).isEqualTo("jbake.properties:" + lineOf(TestSite.read(file), "   press.lint.grade_max : ten") + ":27");
    assertThat(d.message()).isEqualTo("press.lint.grade_max is not a whole number: ten");
  }

  @Test
  void extraPagesNeedTheirTemplateAndAPathInsideTheSite() {
    Path project = TestSite.create(tmp, "basic");
    set(project, "press.page.contact/index.html=contact.ftl");
    String text = set(project, "press.page.../outside.html=page.ftl");
    Path site = tmp.resolve("site");

    SiteBaker.Result result = TestSite.bake(project, site);

    assertThat(result.ok()).isFalse();
    assertThat(site).doesNotExist();
    assertThat(result.diagnostics()).extracting(Diagnostic::location, Diagnostic::message).containsExactly(
        org.assertj.core.groups.Tuple.tuple(
            "jbake.properties:" + lineOf(text, "press.page.contact/index.html=contact.ftl") + ":31",
            "press.page.contact/index.html: no template templates/contact.ftl"),
        org.assertj.core.groups.Tuple.tuple(
            "jbake.properties:" + lineOf(text, "press.page.../outside.html=page.ftl") + ":12",
            "press.page.../outside.html: the page would lie outside the site"));
  }

  @Test
  void playbookStepsAreNumberedFromOneWithoutGaps() {
    Path project = TestSite.create(tmp, "basic");
    String text = set(project, "playbook.step.7=Say thanks");
    Path site = tmp.resolve("site");

    Diagnostic d = onlyError(TestSite.bake(project, site), site);

    assertThat(d.location()).isEqualTo("jbake.properties:" + lineOf(text, "playbook.step.7=Say thanks") + ":1");
    assertThat(d.message()).isEqualTo("playbook.step.7 follows no playbook.step.6");
  }

  @Test
  void aKeySetTwiceIsAnError() {
    Path project = TestSite.create(tmp, "basic");
    Path file = project.resolve("jbake.properties");
    String text = TestSite.read(file) + "press.lint=false\n";
    TestSite.write(file, text);
    Path site = tmp.resolve("site");

    Diagnostic d = onlyError(TestSite.bake(project, site), site);

    assertThat(d.location()).isEqualTo("jbake.properties:" + text.lines().count() + ":1");
    assertThat(d.message()).isEqualTo("press.lint is set twice (first on line " + lineOf(text, "press.lint=true") + ")");
  }

  @Test
  void headerValuesRefuseControlCharacters() {
    Path project = TestSite.create(tmp, "basic");
    String line = "newsletter.reply_to=Me <me@example.org>\\r\\nBcc: everyone@example.org";
    String text = set(project, line);
    Path site = tmp.resolve("site");

    Diagnostic d = onlyError(TestSite.bake(project, site), site);

    assertThat(d.location()).isEqualTo("jbake.properties:" + lineOf(text, line) + ":21");
    assertThat(d.message()).startsWith("newsletter.reply_to contains a control character");
  }

  @Test
  void aPlainJbakeProjectKeepsItsOwnKeysAndFreeSiteKeys() {
    Path project = tmp.resolve("blog");
    TestSite.copyFixture("jbake-blog", project);
    Path file = project.resolve("jbake.properties");
    TestSite.write(file, TestSite.read(file) + "site.twitter=@blog\nsite.menu=home,about\nmarkdown.extensions=ALL\n");
    TestSite.write(project.resolve("content/about.md"), "title=About\ntype=page\nstatus=published\n~~~~~~\n\nAbout.\n");

    SiteBaker.Result result = TestSite.bake(project, tmp.resolve("out"));

    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.ok()).isTrue();
  }

  @Test
  void serveWatchesTheConfiguredFoldersWhileASettingIsWrong() {
    Path project = TestSite.create(tmp, "basic");
    set(project, "press.lint=yes");
    set(project, "content.folder=writing");
    TestSite.write(project.resolve("writing/about.md"), "---\ntitle: About\n---\nAbout.\n");
    LiveSite site = new LiveSite(TestSite.JBAKE, new LiveSite.Settings(project, tmp.resolve("serve/site"), tmp.resolve("serve/newsletter"),
        false, java.time.Clock.systemUTC()), step -> {});

    LiveSite.Update update = site.bakeAll();

    assertThat(update.ok()).isFalse();
    assertThat(update.diagnostics()).extracting(Diagnostic::message).contains("press.lint is not true or false: yes");
    assertThat(site.sourceFolders()).contains(project.resolve("writing").toAbsolutePath().normalize());
  }
}
