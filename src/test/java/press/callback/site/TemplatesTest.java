package press.callback.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import press.callback.testing.TestSite;

/** Guards on the project's own templates. */
class TemplatesTest {
  @Test
  void everyTemplateEscapesByDeclaringItsOutputFormat() {
    for (String t : TestSite.files(Path.of("templates"), ".ftl")) {
      String first = TestSite.read(Path.of("templates", t)).lines().findFirst().orElse("");
      assertThat(first)
          .as("templates/" + t + " must start with <#ftl output_format=...> so ${...} is escaped")
          .matches("<#ftl output_format=\"(HTML|XML|plainText)\".*>");
    }
  }

  @Test
  void noTemplateReadsTheClock() {
    for (String t : TestSite.files(Path.of("templates"), ".ftl")) {
      assertThat(TestSite.read(Path.of("templates", t)))
          .as("templates/" + t + ": output must not depend on when it was baked")
          .doesNotContain(".now", "published_date", "build.timestamp");
    }
  }
}
