package press.callback.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.testing.TestSite;

/** {@code press check}: bakes, reports everything, and says so in its exit code. */
class CheckCommandTest {
  @TempDir Path tmp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int press(String... args) {
    Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    return new Main(new PrintWriter(out), new PrintWriter(err), clock).run(args);
  }

  @Test
  void aCleanSitePassesWithExitZero() {
    Path project = TestSite.create(tmp, "basic");
    Path site = tmp.resolve("site");

    int code = press("check", "--source", project.toString(), "--output", site.toString());

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .containsPattern("press: checked 2\\d pages, \\d+ links \\([0-9.]+ s\\)")
        .contains("press: check passed: 0 errors, 0 warnings (37 files → " + site + ")");
    assertThat(err.toString()).isEmpty();
    assertThat(site.resolve("index.html")).exists();
  }

  @Test
  void aDraftsBrokenLinkPassesPlainCheckButFailsCheckDraftsWhichLeavesTheSiteAlone() {
    Path project = TestSite.create(tmp, "basic");
    TestSite.write(project.resolve("content/tips/draft-link.md"),
        "---\ntitle: Draft link\ndate: 2026-11-01\nstatus: draft\n---\n\nSee [step nine](/no-such-page/).\n");
    Path site = project.resolve("target/site");

    assertThat(press("check", "--source", project.toString())).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(err.toString()).doesNotContain("no-such-page");
    String before = TestSite.read(site.resolve("index.html"));

    int code = press("check", "--drafts", "--source", project.toString());

    assertThat(code).isEqualTo(ExitCodes.CONTENT);
    assertThat(err.toString())
        .contains("content/tips/draft-link.md:7:17: error: link /no-such-page/ leads to no page\n")
        .contains("content/snippets/draft-snippet.md:11:1: error: the email is 2 words") // the fixture's own draft
        .containsPattern("press: check failed: \\d+ errors, 0 warnings \\(drafts and future pieces included\\)\n$");
    assertThat(out.toString()).contains("press: checking drafts and future pieces as if published");
    assertThat(TestSite.read(site.resolve("index.html"))).as("the site is not touched").isEqualTo(before);
    assertThat(site.resolve("tips/draft-link/index.html")).doesNotExist();
    assertThat(project.resolve("target/check-drafts")).as("the scratch bake is removed").doesNotExist();
  }

  @Test
  void checkDraftsBakesIntoItsOwnFolderOnly() {
    Path project = TestSite.create(tmp, "basic");

    int code = press("check", "--drafts", "--output", tmp.resolve("elsewhere").toString(), "--source", project.toString());

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--drafts bakes into its own scratch folder");
  }

  @Test
  void aBrokenLinkExitsWithOneAndPointsAtTheMarkdown() {
    Path project = TestSite.create(tmp, "basic");
    TestSite.write(project.resolve("content/about.md"), "---\ntitle: About\nsummary: Who.\n---\n\nMeet [the team](../team/).\n");
    Path site = tmp.resolve("site");

    int code = press("check", "--source", project.toString(), "--output", site.toString());

    assertThat(code).isEqualTo(ExitCodes.CONTENT);
    assertThat(err.toString()).isEqualTo(
        "content/about.md:6:17: error: link ../team/ (/team/) leads to no page\n"
            + "    Meet [the team](../team/).\n"
            + "                    ^\n"
            + "  hint: fix the address, or create the page it should lead to\n"
            + "press: check failed: 1 error, 0 warnings; " + site + " and " + site.resolveSibling("newsletter")
            + " were left as they were\n");
    assertThat(site).doesNotExist();
  }

  @Test
  void checksTheBakedPagesOfAProjectWithoutTheLint() {
    Path project = tmp.resolve("blog");
    TestSite.copyFixture("jbake-blog", project);
    TestSite.write(project.resolve("content/about.md"),
        "title=About\ntype=page\nstatus=published\n~~~~~~\n\nSee [the archive](archive.html) and [old news](news.html).\n");

    int code = press("check", "--source", project.toString(), "--output", tmp.resolve("out").toString());

    assertThat(code).isEqualTo(ExitCodes.CONTENT);
    assertThat(out.toString()).containsPattern("press: checked \\d+ pages, \\d+ links");
    assertThat(err.toString()).isEqualTo(
        "content/about.md:6:48: error: link news.html (/news.html) leads to no page\n"
            + "    See [the archive](archive.html) and [old news](news.html).\n"
            + "                                                   ^\n"
            + "  hint: fix the address, or create the page it should lead to\n"
            + "press: check failed: 1 error, 0 warnings\n");
    assertThat(tmp.resolve("out/about.html")).exists(); // without the lint, the bake itself passed
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(press("check", "--timeout", "0")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--timeout and --concurrency must be positive");
    assertThat(press("check", "--today", "tomorrow")).isEqualTo(ExitCodes.USAGE);
    assertThat(press("check", "--externals")).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void helpDescribesTheCheckAndItsOptions() {
    assertThat(press("check", "--help")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("--external", "--timeout=SECONDS", "--concurrency=N", "--source=DIR", "--today=yyyy-MM-dd");
    assertThat(press("--help")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("check");
  }
}
