package press.callback.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.testing.TestSite;

/**
 * What a reader finds on the pages of the {@code basic} fixture, baked with the project's
 * templates: the reply coach in the main menu, the reading level in words, the home page's
 * method and template at a glance, and an issue page's tip and template without stacked panels.
 */
class ReaderPagesTest {
  @TempDir static Path tmp;
  static Path site;

  @BeforeAll
  static void bake() {
    Path project = TestSite.create(tmp, "basic");
    site = tmp.resolve("out/site");
    assertThat(TestSite.bake(project, site).diagnostics()).isEmpty();
  }

  @Test
  void theCoachIsInTheMainMenuAndMarkedCurrentOnItsOwnPage() {
    Document home = TestSite.html(site, "index.html");
    assertThat(home.select("nav.site-nav a").eachAttr("href"))
        .containsExactly("/playbook/", "/snippets/", "/coach/", "/archive/", "/newsletter/", "/about/");
    assertThat(home.select("nav.site-nav a[href=/coach/]").text()).isEqualTo("Reply coach");

    Document coach = TestSite.html(site, "coach/index.html");
    assertThat(coach.select("nav.site-nav a[aria-current=page]").eachAttr("href")).containsExactly("/coach/");
  }

  @Test
  void aTemplatePageSaysTheReadingLevelInWordsAndKeepsTheGradeInANote() {
    Document page = TestSite.html(site, "snippets/hello/index.html");
    Element row = page.select(".reply-score__figures > div").stream()
        .filter(d -> d.select("dt").text().equals("Reading level")).findFirst().orElseThrow();
    assertThat(row.select("dd").first().ownText()).isEqualTo("very easy to read");
    assertThat(row.select(".reply-score__aim").text()).matches("grade \\d+(\\.\\d)?, aim 6 or lower");
    assertThat(page.select(".reply-score dt").eachText()).doesNotContain("Reading grade");
  }

  @Test
  void theHomePageShowsTheFiveStepsAndATemplateToCopy() {
    Document home = TestSite.html(site, "index.html");
    assertThat(home.select(".method__step a").eachAttr("href"))
        .containsExactly("/playbook/#step-1", "/playbook/#step-2", "/playbook/#step-3", "/playbook/#step-4",
            "/playbook/#step-5");
    Element sample = home.selectFirst(".home-sample");
    assertThat(sample).isNotNull();
    assertThat(sample.select("h2 a").attr("href")).startsWith("/snippets/");
    assertThat(sample.select(".email__subject").text()).startsWith("Subject ");
    assertThat(sample.select(".email-actions button[data-copy]").attr("data-copy")).startsWith("Subject: ");
    assertThat(home.select("script[src=/js/copy.js]")).hasSize(1);
    assertThat(home.select("main.wrap--wide")).hasSize(1);
  }

  @Test
  void anIssuePageHasOneFilledPanelAndTheTemplateIsItsOnlyBox() {
    Document issue = TestSite.html(site, "newsletter/2026-11-02/index.html");
    assertThat(issue.select("#week-tip").text()).isEqualTo("Tip of the week: Keep it short");
    assertThat(issue.select("section.issue-tip, section.issue-template")).hasSize(2);
    assertThat(issue.select("article .related")).isEmpty();
    assertThat(issue.select(".issue-template .email")).hasSize(1);
  }
}
