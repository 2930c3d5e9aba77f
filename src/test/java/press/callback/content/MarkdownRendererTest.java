package press.callback.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import press.callback.testing.Golden;

/**
 * The Markdown we accept, as one spec file of examples: {@code markdown/spec.txt} holds blocks
 * {@code %%% name}, the Markdown, a line {@code %%%}, the expected HTML.
 */
class MarkdownRendererTest {
  private static final Path SPEC = Golden.resources("markdown").resolve("spec.txt");

  record Example(String name, String markdown, String html) {}

  @TestFactory
  Stream<DynamicTest> rendersEachExample() throws IOException {
    List<Example> examples = parse(Files.readString(SPEC, StandardCharsets.UTF_8));
    assertThat(examples).hasSizeGreaterThanOrEqualTo(8);
    MarkdownRenderer standard = MarkdownRenderer.standard();
    MarkdownRenderer hard = MarkdownRenderer.hardBreaks();
    return examples.stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.name(),
                    () -> {
                      MarkdownRenderer r = e.name().startsWith("email") ? hard : standard;
                      assertEquals(e.html(), r.render(e.markdown()), SPEC + ": " + e.name());
                    }));
  }

  static List<Example> parse(String spec) {
    List<Example> out = new ArrayList<>();
    String[] blocks = spec.split("(?m)^%%% ");
    for (String block : blocks) {
      if (block.isBlank()) {
        continue;
      }
      int nl = block.indexOf('\n');
      String name = block.substring(0, nl).strip();
      String rest = block.substring(nl + 1);
      int sep = rest.indexOf("\n%%%\n");
      assertThat(sep).as("example " + name + " has a %%% line").isPositive();
      out.add(new Example(name, rest.substring(0, sep + 1), rest.substring(sep + 5)));
    }
    return out;
  }
}
