package press.callback.site;

import press.callback.testing.TestSite;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import press.callback.diag.Diagnostic;

/**
 * The project's own content, templates and settings pass every check of a bake — the content
 * lint, the output check of every page and the email gate — on a day before the last issue and
 * on the day it goes out.
 */
class ProjectCheckTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-27", "2026-11-30"})
  void theProjectPassesEveryCheck(String day) {
    List<String> progress = new ArrayList<>();
    SiteBaker.Result result = new SiteBaker(TestSite.JBAKE, progress::add)
        .bake(new SiteBaker.Request(Path.of("."), tmp.resolve("site"), LocalDate.parse(day)));

    assertThat(result.diagnostics()).extracting(Diagnostic::format).isEmpty();
    assertThat(result.ok()).isTrue();
    String checked = progress.stream().filter(p -> p.startsWith("checked ")).findFirst().orElseThrow();
    assertThat(checked).matches("checked \\d+ pages, \\d+ links \\(\\d+\\.\\d s\\)");
    int pages = Integer.parseInt(checked.split(" ")[1]);
    int links = Integer.parseInt(checked.split(" ")[3]);
    assertThat(pages).isGreaterThan(60);
    assertThat(links).isGreaterThan(20 * pages);
  }
}
