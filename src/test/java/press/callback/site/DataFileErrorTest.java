package press.callback.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.diag.Diagnostic;
import press.callback.testing.TestSite;

/** A data file JBake's parser cannot read stops the bake with an error naming the file and line. */
class DataFileErrorTest {
  @TempDir Path tmp;

  @Test
  void aBrokenDataFileIsNamedWithItsLine() {
    Path project = TestSite.create(tmp, "basic");
    TestSite.write(project.resolve("data/site.yaml"), "motto: fine\nlinks: [unclosed\n");
    SiteBaker.Result result = TestSite.bake(project, tmp.resolve("out"));

    assertThat(result.ok()).isFalse();
    assertThat(result.diagnostics()).hasSize(1);
    Diagnostic d = result.diagnostics().get(0);
    assertThat(d.path()).isEqualTo("data/site.yaml");
    assertThat(d.line()).isEqualTo(3);
    assertThat(d.format()).contains("cannot read this file", "expected ',' or ']'");
    assertThat(tmp.resolve("out")).doesNotExist();
  }
}
