package press.callback.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.diag.Severity;
import press.callback.testing.TestSite;

/** A draft's problems: warnings in the dev server's preview, errors when checked as published. */
class DraftProblemsTest {
  @TempDir Path tmp;

  private SiteBaker.Result bake(boolean lenient) {
    Path project = TestSite.create(tmp.resolve(lenient ? "a" : "b"), "basic");
    TestSite.write(project.resolve("content/tips/draft-link.md"),
        "---\ntitle: Draft link\ndate: 2026-11-01\nstatus: draft\n---\n\nSee [the page](/no-such-page/).\n");
    return new SiteBaker(TestSite.JBAKE, s -> {}).bake(new SiteBaker.Request(project, project.resolve("target/site"),
        project.resolve("target/newsletter"), LocalDate.parse("2026-11-27"), true, lenient));
  }

  @Test
  void inThePreviewADraftsBrokenLinkIsAWarningAndThePreviewIsBaked() {
    SiteBaker.Result result = bake(true);

    assertThat(result.diagnostics()).filteredOn(d -> d.path().equals("content/tips/draft-link.md")).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(d.message()).as("once: the lint's, not again from the baked page")
          .isEqualTo("link /no-such-page/ leads to no page (in a draft: an error once published)");
    });
    assertThat(result.diagnostics()).as("the fixture's other draft, linted too").isNotEmpty()
        .allSatisfy(d -> assertThat(d.severity()).isEqualTo(Severity.WARNING));
    assertThat(result.ok()).isTrue();
  }

  @Test
  void checkedAsPublishedItIsAnError() {
    SiteBaker.Result result = bake(false);

    assertThat(result.diagnostics()).filteredOn(d -> d.path().equals("content/tips/draft-link.md")).singleElement()
        .satisfies(d -> assertThat(d.severity()).isEqualTo(Severity.ERROR));
    assertThat(result.ok()).isFalse();
  }
}
