package press.callback.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.diag.Diagnostic;
import press.callback.testing.TestSite;

/**
 * Content an author would not write but a bake must survive: every problem is reported at its
 * file (and line), the bake fails, and nothing is written.
 */
class HostileContentTest {
  @TempDir Path tmp;

  @Test
  void deeplyNestedFilesFailTheBakeAtTheirLine() {
    Path project = TestSite.create(tmp, "basic");
    TestSite.write(project.resolve("content/articles/2026/deep-yaml.md"),
        "---\ntitle: Deep\ndate: 2026-01-05\ntags: " + "[".repeat(2_000) + "]".repeat(2_000) + "\n---\nBody.\n");
    TestSite.write(project.resolve("content/articles/2026/deep-quote.md"),
        "---\ntitle: Deep quote\ndate: 2026-01-05\n---\n\n" + ">".repeat(5_000) + " x\n");
    Path site = tmp.resolve("out/site");

    SiteBaker.Result result = TestSite.bake(project, site);

    assertThat(result.ok()).isFalse();
    assertThat(result.diagnostics())
        .extracting(Diagnostic::location, Diagnostic::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("content/articles/2026/deep-quote.md:6:1",
                "the Markdown is nested too deeply (5,002 levels; at most 100)"),
            org.assertj.core.groups.Tuple.tuple("content/articles/2026/deep-yaml.md:4:56",
                "front matter is nested too deeply (2,001 levels; at most 50)"));
    assertThat(site).doesNotExist();
  }
}
