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

  /**
   * flexmark suppresses {@code javascript:} links only as written in lower case: {@code
   * JaVaScRiPt:}, {@code vbscript:}, {@code data:} and a tab written as an entity ({@code
   * java&#x09;script:}, which a browser reads as {@code javascript:}) came through as links.
   * They are now text, in the direct writer and in flexmark's renderer alike.
   */
  @org.junit.jupiter.api.Test
  void scriptUrlsAreDroppedCaseInsensitively() {
    String markdown = String.join("\n",
        "[a](JaVaScRiPt:alert(1)) [b](vbscript:msgbox) [c](data:text/html;base64,PHNjcmlwdD4=)",
        "[d](java&#x09;script:alert(1)) [e](< javascript:alert(1)>) [f](java&#10;script:alert(1))",
        "<JAVASCRIPT:alert(1)> [g][ref] ![h](javascript:alert(1)) ![i](data:image/png;base64,AAAA)",
        "[ok](https://example.org/) [mail](MAILTO:a@example.org) [rel](/articles/)",
        "",
        "[ref]: Javascript:alert(1)",
        "");
    String expected = "<p>a b c\nd [e](&lt; javascript:alert(1)&gt;) f\nJAVASCRIPT:alert(1) g h <img src=\"data:image/png;base64,AAAA\" alt=\"i\" />\n"
        + "<a href=\"https://example.org/\">ok</a> <a href=\"MAILTO:a@example.org\">mail</a> <a href=\"/articles/\">rel</a></p>\n";
    MarkdownRenderer standard = MarkdownRenderer.standard();
    assertEquals(expected, standard.renderWithFlexmark(markdown));
    assertEquals(expected, standard.render(markdown));
    for (MarkdownRenderer r : List.of(standard, MarkdownRenderer.hardBreaks())) {
      assertThat(org.jsoup.Jsoup.parseBodyFragment(r.render(markdown)).select("[href], [src]").eachAttr("abs:href"))
          .noneMatch(u -> u.toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s\\p{Cntrl}]", "").matches("(java|vb)script:.*|data:text.*"));
    }
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
