package press.callback.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.cli.ExitCodes;
import press.callback.diag.Diagnostic;
import press.callback.testing.Press;
import press.callback.testing.TestSite;

/** Issue 14, item 10: settings are checked as content is, at their line, never silently defaulted. */
class SettingsCheckTest {
  @TempDir Path tmp;

  /** One bad value of each kind, each reported at its line and column with a hint; nothing baked. */
  @Test
  void settingsAreValidatedWithTheirLine() {
    Map<String, String> cases = new java.util.LinkedHashMap<>();
    cases.put("site.host=https://", "site.host is not an address: https://");
    cases.put("site.host=not a url", "site.host is not an address: not a url");
    cases.put("site.host=https://callback.press/blog/", "site.host is more than a scheme and host");
    cases.put("site.host=ftp://callback.press", "site.host is not an http or https address");
    cases.put("site.timezone=Mars/Olympus", "site.timezone is not a time zone: Mars/Olympus");
    cases.put("site.locale=en_US!", "site.locale is not a language tag: en_US!");
    cases.put("press.lint=yes", "press.lint must be true or false: yes");
    cases.put("press.lint.email_words=many", "press.lint.email_words must be a whole number from 0 to 100000: many");
    cases.put("press.lint.grade_max=-3", "press.lint.grade_max must be a whole number from 0 to 100000: -3");
    cases.put("newsletter.send_time=8am", "newsletter.send_time is not a time of day as HH:mm: 8am");
    cases.put("newsletter.from=Callback Press", "newsletter.from is not an email address: Callback Press");
    cases.put("newsletter.list_id=weekly list", "newsletter.list_id is not a list id: weekly list");
    cases.put("newsletter.unsubscribe_url=http://callback.press/u/{{token}}",
        "newsletter.unsubscribe_url must start with https://");
    cases.put("newsletter.unsubscribe_url=https://callback.press/unsubscribe/",
        "newsletter.unsubscribe_url has no {{token}}");
    cases.put("newsletter.unsubscribe_mailto=unsubscribe@callback.press",
        "newsletter.unsubscribe_mailto must start with mailto:");
    cases.put("newsletter.css=assets/css/none.css", "newsletter.css names no file: assets/css/none.css");
    cases.put("press.lnt=true", "unknown setting 'press.lnt'");
    cases.put("newsletter.from_name=Sam", "unknown setting 'newsletter.from_name'");
    cases.put("press.page.about/index.html=nothing.ftl", "press.page.about/index.html: no template templates/nothing.ftl");
    cases.put("press.page.../up.html=page.ftl", "press.page.../up.html: '../up.html' is not a file path inside the site");
    cases.put("playbook.step.7=Seven", "playbook.step.7 follows no playbook.step.6");
    int n = 0;
    for (Map.Entry<String, String> c : cases.entrySet()) {
      Path project = TestSite.create(tmp.resolve("case" + n++), "basic");
      String key = c.getKey().substring(0, c.getKey().indexOf('='));
      String text = TestSite.read(project.resolve("jbake.properties"));
      String line = "\n" + c.getKey() + "\n";
      text = text.lines().anyMatch(l -> l.startsWith(key + "="))
          ? text.replaceAll("(?m)^" + java.util.regex.Pattern.quote(key) + "=.*$", java.util.regex.Matcher.quoteReplacement(c.getKey()))
          : text + line;
      TestSite.write(project.resolve("jbake.properties"), text);
      int lineNo = 1 + (int) text.substring(0, text.indexOf(c.getKey())).chars().filter(ch -> ch == '\n').count();

      SiteBaker.Result result = TestSite.bake(project, project.resolve("target/site"));

      assertThat(result.ok()).as(c.getKey()).isFalse();
      assertThat(result.diagnostics()).as(c.getKey()).hasSize(1);
      Diagnostic d = result.diagnostics().get(0);
      assertThat(d.path() + ":" + d.line()).as(c.getKey()).isEqualTo("jbake.properties:" + lineNo);
      assertThat(d.column()).as(c.getKey()).isPositive();
      assertThat(d.message()).as(c.getKey()).startsWith(c.getValue());
      assertThat(d.hint()).as(c.getKey()).isNotEmpty();
      assertThat(d.sourceLine()).as(c.getKey()).isEqualTo(c.getKey());
      assertThat(project.resolve("target/site")).as(c.getKey()).doesNotExist();
    }
  }

  /** Through the command line: exit 1, the diagnostic with its line, the caret and the hint, no stack trace. */
  @Test
  void badSettingExitsWithOneAndNoStackTrace() {
    Path project = TestSite.create(tmp, "basic");
    String text = TestSite.read(project.resolve("jbake.properties")).replaceAll("(?m)^site.host=.*$", "site.host=not a url");
    TestSite.write(project.resolve("jbake.properties"), text);
    int line = 1 + (int) text.substring(0, text.indexOf("site.host=")).chars().filter(ch -> ch == '\n').count();

    for (String command : List.of("bake", "check")) {
      Press.Run run = Press.run(Map.of(), command, "--source", project.toString(), "--today", "2026-11-27");
      assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.CONTENT);
      assertThat(run.err()).contains("jbake.properties:" + line + ":11: error: site.host is not an address: not a url\n"
              + "    site.host=not a url\n"
              + "              ^\n"
              + "  hint: write the address readers use")
          .doesNotContain("Exception").doesNotContain("unexpected failure");
    }
  }

  @Test
  void placesFollowThePropertiesFormat() {
    String text = "# a comment \\\nkey.one=1\n  ! another\nkey.two : two \\\n   still two\nkey.three three\n"
        + "key\\=four=4\n\nkey.five=\n";
    Map<String, PropertiesLines.Place> places = PropertiesLines.of(text);
    assertThat(places).containsOnlyKeys("key.one", "key.two", "key.three", "key=four", "key.five");
    assertThat(places.get("key.one")).isEqualTo(new PropertiesLines.Place(2, 1, 9));
    assertThat(places.get("key.two")).isEqualTo(new PropertiesLines.Place(4, 1, 11));
    assertThat(places.get("key.three")).isEqualTo(new PropertiesLines.Place(6, 1, 11));
    assertThat(places.get("key=four")).isEqualTo(new PropertiesLines.Place(7, 1, 11));
    assertThat(places.get("key.five")).isEqualTo(new PropertiesLines.Place(9, 1, 10));
  }

  @Test
  void thisProjectsSettingsPass() {
    Path project = TestSite.create(tmp, "basic");
    assertThat(TestSite.bake(project, tmp.resolve("site")).diagnostics()).isEmpty();
  }
}
