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

class MainTest {
  @TempDir Path tmp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int press(String... args) {
    Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    return new Main(new PrintWriter(out), new PrintWriter(err), clock).run(args);
  }

  @Test
  void helpListsTheCommandsAndExitCodes() {
    assertThat(press("--help")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("Usage: press", "bake", "Exit codes:", "1  errors in content");
  }

  @Test
  void bakeHelpDescribesItsOptions() {
    assertThat(press("bake", "--help")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("--source=DIR", "--output=DIR", "--today=yyyy-MM-dd", "--verbose");
    out.getBuffer().setLength(0);
    assertThat(press("help", "bake")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("--source=DIR");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(press()).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("say which command to run");
    assertThat(press("bake", "--no-such-option")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("Unknown option: '--no-such-option'");
    assertThat(press("bake", "--today", "30/11/2026")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("'30/11/2026' is not a date; write yyyy-MM-dd");
    assertThat(press("publish")).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void bakeReportsProgressAndWhereTheSiteWent() {
    Path project = TestSite.create(tmp, "basic");
    Path site = tmp.resolve("site");
    int code = press("bake", "--source", project.toString(), "--output", site.toString());
    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .contains("press: reading content/")
        .contains("press: read 17 files: 12 published, 5 drafts or future; 2 newsletter issues")
        .containsPattern("press: baked 37 files \\(12 published, 5 left out\\) in [0-9.]+ s → " + site)
        .contains("press: wrote 2 newsletter emails → " + site.resolveSibling("newsletter"));
    assertThat(err.toString()).isEmpty();
    assertThat(site.resolve("index.html")).exists();
  }

  @Test
  void usesTheClockForTheBuildDate() {
    Path project = TestSite.create(tmp, "basic");
    assertThat(press("bake", "--source", project.toString(), "--output", tmp.resolve("a").toString())).isZero();
    assertThat(tmp.resolve("a/articles/2026/future")).doesNotExist();
    assertThat(press("bake", "--source", project.toString(), "--output", tmp.resolve("b").toString(), "--today", "2026-12-25")).isZero();
    assertThat(tmp.resolve("b/articles/2026/future/index.html")).exists();
  }

  @Test
  void contentErrorsExitWithOneAndNoStackTrace() {
    Path project = TestSite.create(tmp, "basic");
    TestSite.write(project.resolve("content/tips/broken.md"), "---\ntitle: Broken\ndate: soon\n---\n");
    int code = press("bake", "--source", project.toString(), "--output", tmp.resolve("site").toString());
    assertThat(code).isEqualTo(ExitCodes.CONTENT);
    assertThat(err.toString())
        .startsWith("content/tips/broken.md:3:7: error: 'date' is not a date: soon\n    date: soon\n          ^\n")
        .contains("press: 1 error; ")
        .doesNotContain("Exception", "\tat ");
  }

  @Test
  void settingsAreValidatedWithTheirLineByBakeAndCheck() {
    Path project = TestSite.create(tmp, "basic");
    Path file = project.resolve("jbake.properties");
    TestSite.write(file, TestSite.read(file).replace("site.host=https://callback.press\n", "site.host=not a url\n"));
    String expected = "jbake.properties:4:11: error: site.host is not an http or https address: not a url\n"
        + "    site.host=not a url\n"
        + "              ^\n"
        + "  hint: ";
    for (String command : new String[] {"bake", "check"}) {
      err.getBuffer().setLength(0);
      int code = press(command, "--source", project.toString(), "--output", tmp.resolve("site").toString());
      assertThat(code).as(command + ": " + err).isEqualTo(ExitCodes.CONTENT);
      assertThat(err.toString()).as(command).startsWith(expected).doesNotContain("Exception", "\tat ", "unexpected");
    }
    assertThat(tmp.resolve("site")).doesNotExist();
  }

  @Test
  void missingProjectFoldersAreContentErrors() {
    int code = press("bake", "--source", tmp.toString(), "--output", tmp.resolve("site").toString());
    assertThat(code).isEqualTo(ExitCodes.CONTENT);
    assertThat(err.toString()).contains("content/: error: folder not found", "templates/: error: folder not found");
  }
}
