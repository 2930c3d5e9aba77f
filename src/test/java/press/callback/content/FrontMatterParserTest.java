package press.callback.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import press.callback.diag.ContentException;

class FrontMatterParserTest {
  private final FrontMatterParser parser = new FrontMatterParser();

  @Test
  void readsYamlFieldsWithTheirPositions() throws Exception {
    SourceFile f =
        parser.parse(
            "content/a.md",
            "---\ntitle: \"Hello, world\"\ndate: 2026-11-30\ntags:\n  - email\n  - follow-up\n---\n\nBody line\n");
    assertThat(f.header()).isEqualTo(SourceFile.Header.YAML);
    assertThat(f.fields().keySet()).containsExactly("title", "date", "tags");
    Field title = f.fields().get("title");
    assertThat(title.value()).isEqualTo("Hello, world");
    assertThat(title.keyAt()).isEqualTo(new Position(2, 1));
    assertThat(title.valueAt()).isEqualTo(new Position(2, 8));
    Field tags = f.fields().get("tags");
    assertThat(tags.value()).isEqualTo(List.of("email", "follow-up"));
    assertThat(tags.itemsAt()).containsExactly(new Position(5, 5), new Position(6, 5));
    assertThat(f.body()).isEqualTo("\nBody line\n");
    assertThat(f.bodyLine()).isEqualTo(8);
  }

  @Test
  void keepsScalarsAsTextAndEmptyValuesAsNull() throws Exception {
    SourceFile f = parser.parse("a.md", "---\ntitle: 2026\nsummary:\nstep: 3\n---\n");
    assertThat(f.fields().get("title").value()).isEqualTo("2026");
    assertThat(f.fields().get("summary").value()).isNull();
    assertThat(f.fields().get("step").value()).isEqualTo("3");
    assertThat(f.body()).isEmpty();
  }

  @Test
  void readsJbakeHeaders() throws Exception {
    SourceFile f =
        parser.parse("a.md", "title=Old style\ndate=2025-05-05\ntags=email, legacy\nstatus=published\n~~~~~~\n\nBody\n");
    assertThat(f.header()).isEqualTo(SourceFile.Header.JBAKE);
    assertThat(f.fields().get("title").value()).isEqualTo("Old style");
    assertThat(f.fields().get("tags").value()).isEqualTo(List.of("email", "legacy"));
    assertThat(f.fields().get("tags").itemsAt()).containsExactly(new Position(3, 6), new Position(3, 13));
    assertThat(f.body()).isEqualTo("\nBody\n");
    assertThat(f.bodyLine()).isEqualTo(6);
  }

  @Test
  void usesTheConfiguredJbakeSeparator() throws Exception {
    SourceFile f = new FrontMatterParser("+++").parse("a.md", "title=X\n+++\nBody\n");
    assertThat(f.header()).isEqualTo(SourceFile.Header.JBAKE);
    assertThat(f.body()).isEqualTo("Body\n");
  }

  @Test
  void treatsTextWithoutHeaderAsBody() throws Exception {
    SourceFile f = parser.parse("a.md", "Just = a sentence\nand more\n");
    assertThat(f.header()).isEqualTo(SourceFile.Header.NONE);
    assertThat(f.body()).isEqualTo("Just = a sentence\nand more\n");
  }

  @Test
  void ignoresByteOrderMarkAndWindowsLineEnds() throws Exception {
    SourceFile f = parser.parse("a.md", "\uFEFF---\r\ntitle: Windows\r\n---\r\nBody\r\n");
    assertThat(f.header()).isEqualTo(SourceFile.Header.YAML);
    assertThat(f.fields().get("title").value()).isEqualTo("Windows");
    assertThat(f.body()).isEqualTo("Body\n");
  }

  @Test
  void acceptsDotsAsClosingLine() throws Exception {
    SourceFile f = parser.parse("a.md", "---\ntitle: Dots\n...\nBody\n");
    assertThat(f.fields()).containsKey("title");
    assertThat(f.body()).isEqualTo("Body\n");
  }

  @Test
  void rejectsAliasBombs() {
    StringBuilder yaml = new StringBuilder("---\na: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'p'; c++) {
      char prev = (char) (c - 1);
      yaml.append(c).append(": &").append(c).append(" [*").append(prev).append(", *").append(prev).append("]\n");
    }
    yaml.append("---\n");
    assertThatThrownBy(() -> parser.parse("bomb.md", yaml.toString()))
        .isInstanceOf(ContentException.class)
        .hasMessageContaining("bomb.md:");
  }

  @Test
  void deeplyNestedFrontMatterIsAnError() {
    // Flow style on one line and block style over many: both once overflowed the YAML composer's
    // stack (a StackOverflowError without the file's name, and the dev server's watcher gone).
    String flow = "---\ntitle: Deep\ntags: " + "[".repeat(2_000) + "]".repeat(2_000) + "\n---\nBody.\n";
    assertThat(errors("content/articles/2026/deep.md", flow))
        .isEqualTo(
            "content/articles/2026/deep.md:3:56: error: front matter is nested too deeply (2,001 levels; at most 50)\n"
                + "    tags: " + "[".repeat(154) + "…\n" // a window of the 4,006-character line
                + "    " + " ".repeat(55) + "^\n"
                + "  hint: keep to 'key: value' lines and short lists such as 'tags: [email, follow-up]'");
    StringBuilder block = new StringBuilder("---\ntitle: Deep\nsummary:\n");
    for (int i = 1; i <= 300; i++) {
      block.append(" ".repeat(i)).append("k:\n");
    }
    block.append("---\n");
    assertThat(errors("deep.md", block.toString()))
        .startsWith("deep.md:53:51: error: front matter is nested too deeply (301 levels; at most 50)\n");
  }

  @Test
  void frontMatterThatContainsItselfIsAnError() {
    assertThat(errors("self.md", "---\ntitle: Self\ntags: &a [email, *a]\n---\n"))
        .startsWith("self.md:3:7: error: front matter contains itself: &a holds the alias *a\n");
  }

  @Test
  void controlCharactersAreReportedAtTheirLine() {
    // XML 1.0 cannot hold them: feed.xml and newsletter.xml were ill-formed, and the bake said ok.
    String text = "---\ntitle: \"A\u0001B\"\ndate: 2026-01-05\n---\n\nTab\tand CR\r\nare fine; NUL\u0000 is not.\n"
        + "ESC\u001B[31m, DEL\u007F and \uFFFE neither.\n";
    assertThat(errors("content/x.md", text)).isEqualTo(String.join("\n",
        "content/x.md:2:10: error: control character U+0001 in the text",
        "    title: \"A\uFFFDB\"",
        "             ^",
        "  hint: delete it: only tabs and line breaks may be in a content file (XML feeds cannot hold"
            + " the others)",
        "content/x.md:7:14: error: control character U+0000 in the text",
        "    are fine; NUL\uFFFD is not.",
        "                 ^",
        "  hint: delete it: only tabs and line breaks may be in a content file (XML feeds cannot hold"
            + " the others)",
        "content/x.md:8:4: error: control character U+001B in the text",
        "    ESC\uFFFD[31m, DEL\uFFFD and \uFFFD neither.",
        "       ^",
        "  hint: delete it: only tabs and line breaks may be in a content file (XML feeds cannot hold"
            + " the others)",
        "content/x.md:8:14: error: control character U+007F in the text",
        "    ESC\uFFFD[31m, DEL\uFFFD and \uFFFD neither.",
        "                 ^",
        "  hint: delete it: only tabs and line breaks may be in a content file (XML feeds cannot hold"
            + " the others)",
        "content/x.md:8:20: error: non-character U+FFFE in the text",
        "    ESC\uFFFD[31m, DEL\uFFFD and \uFFFD neither.",
        "                       ^",
        "  hint: delete it: only tabs and line breaks may be in a content file (XML feeds cannot hold"
            + " the others)"));
  }

  @Test
  void manyControlCharactersAreCounted() {
    String text = "---\ntitle: T\n---\n" + "\u0002\u0003\n".repeat(100);
    assertThat(errors("x.md", text).lines().filter(l -> l.contains(": error: ")))
        .hasSize(21)
        .last()
        .isEqualTo("x.md:14:1: error: 180 more control characters, the last on line 103");
  }

  private String errors(String path, String text) {
    try {
      parser.parse(path, text);
    } catch (ContentException e) {
      return String.join("\n", e.diagnostics().stream().map(press.callback.diag.Diagnostic::format).toList());
    }
    throw new AssertionError(path + " was accepted");
  }

  /**
   * JBake headers on random files (empty and key=value lines, separators in and out of place,
   * CRLF, a final newline or none, a byte order mark): header, fields and body as the plain
   * definition gives them — split into lines, the separator is the first line equal to it with
   * only empty or key=value lines above, the body is the lines after it joined by \n.
   */
  @Test
  void readsJbakeHeadersAsTheirDefinitionSays() throws Exception {
    java.util.Random random = new java.util.Random(11);
    String[] pieces = {"title=A", "date=2026-11-30", "tags=a, b", "", "~~~~~~", "Body", "x = y", " ~~~~~~", "---"};
    for (int n = 0; n < 3_000; n++) {
      StringBuilder sb = new StringBuilder(random.nextInt(8) == 0 ? "\uFEFF" : "");
      String eol = random.nextInt(4) == 0 ? "\r\n" : "\n";
      for (int i = random.nextInt(7); i > 0; i--) {
        sb.append(pieces[random.nextInt(pieces.length)]).append(eol);
      }
      if (random.nextBoolean()) {
        sb.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = sb.toString();
      SourceFile f;
      try {
        f = parser.parse("a.md", text);
      } catch (ContentException e) {
        continue; // YAML that does not parse: not what this test is about
      }
      if (f.header() == SourceFile.Header.YAML) {
        continue;
      }
      String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
      List<String> lines = FrontMatterParser.splitLines(t);
      int separator = lines.indexOf("~~~~~~");
      if (separator >= 0 && lines.subList(0, separator).stream().anyMatch(l -> !l.isEmpty() && !l.contains("="))) {
        separator = -1;
      }
      if (separator < 0) {
        assertThat(f.header()).as("%s", text).isEqualTo(SourceFile.Header.NONE);
        assertThat(f.body()).as("%s", text).isEqualTo(t);
        continue;
      }
      String body = String.join("\n", lines.subList(separator + 1, lines.size()));
      if (t.endsWith("\n") && separator + 1 < lines.size()) {
        body += "\n";
      }
      assertThat(f.header()).as("%s", text).isEqualTo(SourceFile.Header.JBAKE);
      assertThat(f.body()).as("%s", text).isEqualTo(body);
      assertThat(f.bodyLine()).as("%s", text).isEqualTo(separator + 2);
      assertThat(f.fields().keySet()).as("%s", text).containsExactlyElementsOf(
          lines.subList(0, separator).stream().filter(l -> l.contains("=")).map(l -> l.substring(0, l.indexOf('=')).strip())
              .distinct().toList());
      assertThat(f.line(1)).isEqualTo(lines.isEmpty() ? "" : lines.get(0));
    }
  }
}
