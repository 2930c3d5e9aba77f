package press.callback.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import press.callback.testing.Golden;

/**
 * The direct HTML writer ({@link press.callback.content.markdown.internal.DirectHtmlWriter}) against
 * flexmark's renderer, byte for byte: on thousands of generated documents mixing every construct
 * it writes with characters that need escaping, on the site's own content and on the Markdown
 * spec's examples. Where it declines (tables, raw HTML, images…), flexmark renders; the tests
 * also check that it declines only there, so they cannot pass by declining everything.
 */
class DirectHtmlWriterTest {
  private static final MarkdownRenderer STANDARD = MarkdownRenderer.standard();
  private static final MarkdownRenderer HARD_BREAKS = MarkdownRenderer.hardBreaks();

  @Test
  void writesWhatFlexmarkWritesForGeneratedDocuments() {
    Random random = new Random(20261127);
    int written = 0;
    int documents = 1_200;
    for (int n = 0; n < documents; n++) {
      boolean unsupported = random.nextInt(10) == 0;
      String markdown = new Generator(random).document(unsupported);
      MarkdownRenderer renderer = n % 3 == 0 ? HARD_BREAKS : STANDARD;
      String direct = renderer.renderDirect(markdown);
      if (direct != null) {
        written++;
        assertThat(direct).as("document %d:%n%s", n, markdown).isEqualTo(renderer.renderWithFlexmark(markdown));
      } else {
        assertThat(unsupportedNodes(renderer, markdown)).as("declined a document of supported nodes only:%n%s", markdown)
            .isNotEmpty();
      }
      assertThat(renderer.renderWithSummary(markdown).firstParagraph())
          .as("first paragraph of document %d:%n%s", n, markdown)
          .isEqualTo(renderer.firstParagraphWithFlexmark(markdown));
    }
    assertThat(written).isGreaterThan(documents * 85 / 100);
  }

  /** The node kinds the writer writes (it declines the rest). */
  private static final java.util.Set<String> WRITTEN = java.util.Set.of(
      "Document", "Paragraph", "Text", "TextBase", "Heading", "BulletList", "OrderedList", "BulletListItem",
      "OrderedListItem", "BlockQuote", "FencedCodeBlock", "ThematicBreak", "SoftLineBreak", "HardLineBreak",
      "Emphasis", "StrongEmphasis", "Code", "Link", "AutoLink", "MailLink", "HtmlEntity", "TypographicQuotes",
      "TypographicSmarts", "Placeholder");

  private static List<String> unsupportedNodes(MarkdownRenderer renderer, String markdown) {
    List<String> out = new ArrayList<>();
    com.vladsch.flexmark.util.ast.Document doc = renderer.parse(markdown);
    if (!WRITTEN.contains(doc.getClass().getSimpleName())) {
      out.add(doc.getClass().getSimpleName());
    }
    for (com.vladsch.flexmark.util.ast.Node n : doc.getDescendants()) {
      if (!WRITTEN.contains(n.getClass().getSimpleName())) {
        out.add(n.getClass().getSimpleName());
      }
    }
    return out;
  }

  @Test
  void writesWhatFlexmarkWritesForTheSiteContent() throws IOException {
    Path content = Path.of("content");
    List<Path> files;
    try (Stream<Path> s = Files.walk(content)) {
      files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(40);
    int written = 0;
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String body = text.startsWith("---") ? text.substring(text.indexOf("\n---", 3) + 4) : text;
      for (MarkdownRenderer renderer : List.of(STANDARD, HARD_BREAKS)) {
        String direct = renderer.renderDirect(body);
        if (direct != null) {
          written++;
          assertThat(direct).as("%s", file).isEqualTo(renderer.renderWithFlexmark(body));
        }
        assertThat(renderer.renderWithSummary(body).firstParagraph()).as("%s", file)
            .isEqualTo(renderer.firstParagraphWithFlexmark(body));
      }
    }
    assertThat(written).as("documents written directly").isGreaterThan(files.size());
  }

  @Test
  void writesWhatFlexmarkWritesForTheSpecExamples() throws IOException {
    Path spec = Golden.resources("markdown").resolve("spec.txt");
    for (MarkdownRendererTest.Example e : MarkdownRendererTest.parse(Files.readString(spec, StandardCharsets.UTF_8))) {
      for (MarkdownRenderer renderer : List.of(STANDARD, HARD_BREAKS)) {
        String direct = renderer.renderDirect(e.markdown());
        if (direct != null) {
          assertThat(direct).as(e.name()).isEqualTo(renderer.renderWithFlexmark(e.markdown()));
        } else {
          assertThat(e.name()).as("declined").containsAnyOf("table", "strikethrough", "html", "image");
        }
      }
    }
  }

  @Test
  void declinesWhatItDoesNotWrite() {
    assertThat(STANDARD.renderDirect("| a | b |\n|---|---|\n| 1 | 2 |\n")).isNull();
    assertThat(STANDARD.renderDirect("<div>raw</div>\n")).isNull();
    assertThat(STANDARD.renderDirect("![alt](x.png)\n")).isNull();
    assertThat(STANDARD.renderDirect("    indented code\n")).isNull();
    assertThat(STANDARD.renderDirect("[a][r]\n\n[r]: /x\n")).isNull();
    assertThat(STANDARD.renderDirect("Plain *text*.\n")).isEqualTo("<p>Plain <em>text</em>.</p>\n");
  }

  /** Random Markdown made of the constructs the writer handles (and, when asked, one it does not). */
  private static final class Generator {
    private static final String[] WORDS = {
      "call", "back", "email", "reply", "Tuesday", "a&b", "x<y", "\"quoted\"", "it's", "don't",
      "--", "---", "...", "{name}", "{your_name}", "{Not}", "{a-b}", "\\*", "\\_", "\\\\", "\\#",
      "&amp;", "&copy;", "&#35;", "&bogus;", "1.", "#", "*", "_", "~", "`", "<", ">", "&", "'",
      "www.example.com", "https://example.org/a?b=1&c=\"2\"", "ann@example.org", "<https://x.example/y>",
      "<mailto:bo@example.org>", "über", "naïve", "—", "’", "10:00", "a.m.", "50%", "no\u00A0break",
      "zero\u200Bwidth", "soft\u00ADhyphen", "tab\there", "\u00A0", "x\u0001y", "emoji\uD83D\uDCDE", "&nbsp;", "&#8203;",
      "[js](JaVaScRiPt:alert(1))", "[vb](vbscript:x)", "[tab](java&#x09;script:x)", "<JAVASCRIPT:alert(1)>",
      "[data](data:text/html,x)", "[ok](https://example.org/ok)"
    };

    private final Random r;

    Generator(Random r) {
      this.r = r;
    }

    String document(boolean unsupported) {
      StringBuilder sb = new StringBuilder();
      int blocks = 1 + r.nextInt(8);
      int odd = unsupported ? r.nextInt(blocks) : -1;
      for (int i = 0; i < blocks; i++) {
        sb.append(i == odd ? unsupportedBlock() : block(0));
        sb.append(r.nextInt(6) == 0 ? "\n" : "\n\n");
      }
      return r.nextInt(10) == 0 ? sb.toString().replace("\n", "\r\n") : sb.toString();
    }

    private String block(int depth) {
      return switch (r.nextInt(depth > 1 ? 2 : 9)) {
        case 0, 1 -> paragraph("");
        case 2 -> "#".repeat(1 + r.nextInt(6)) + " " + inline(1 + r.nextInt(5))
            + (r.nextBoolean() ? " {#id-" + r.nextInt(3) + "}" : "");
        case 3 -> list(depth, r.nextBoolean());
        case 4 -> quote(depth);
        case 5 -> fenced();
        case 6 -> List.of("---", "***", "___", "- - -").get(r.nextInt(4));
        case 7 -> list(depth, r.nextBoolean()) + "\n\n" + paragraph("");
        default -> "Title line\n" + (r.nextBoolean() ? "===" : "---");
      };
    }

    private String paragraph(String indent) {
      StringBuilder sb = new StringBuilder();
      int lines = 1 + r.nextInt(3);
      for (int i = 0; i < lines; i++) {
        if (i > 0) {
          sb.append(List.of("\n", "\n", "  \n", "\\\n", " \n").get(r.nextInt(5))).append(indent);
        }
        sb.append(inline(1 + r.nextInt(12)));
      }
      return sb.toString();
    }

    private String inline(int pieces) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < pieces; i++) {
        if (i > 0) {
          sb.append(r.nextInt(8) == 0 ? "  " : " ");
        }
        sb.append(switch (r.nextInt(14)) {
          case 0 -> "*" + word() + " " + word() + "*";
          case 1 -> "**" + word() + "**";
          case 2 -> "_" + word() + "_";
          case 3 -> "`" + word() + " <&> " + word() + "`";
          case 4 -> "[" + word() + " " + word() + "](" + url() + (r.nextBoolean() ? " \"a \\\"title\\\" & more\"" : "") + ")";
          case 5 -> "[" + word() + "](<" + url() + ">)";
          case 6 -> "\"" + word() + " " + word() + "\"";
          case 7 -> "'" + word() + "'";
          case 8 -> "***" + word() + "***";
          case 9 -> "``a ` b``";
          default -> word();
        });
      }
      return sb.toString();
    }

    private String url() {
      return List.of("https://example.org/a_b?c=1&d=2", "/snippets/x.html#y", "mailto:a@example.org",
          "https://example.org/\\(x\\)", "https://example.org/&amp;q", "#top", "tel:+15551234").get(r.nextInt(7));
    }

    private String word() {
      return WORDS[r.nextInt(WORDS.length)];
    }

    private String list(int depth, boolean ordered) {
      StringBuilder sb = new StringBuilder();
      String indent = "   ".repeat(depth);
      int start = ordered ? r.nextInt(4) : 0;
      boolean loose = r.nextInt(3) == 0;
      int items = 1 + r.nextInt(4);
      for (int i = 0; i < items; i++) {
        String marker = ordered ? (start + i) + (r.nextBoolean() ? "." : ")") : List.of("-", "*", "+").get(0);
        sb.append(indent).append(marker).append(' ').append(paragraph(indent + "   ")).append('\n');
        if (r.nextInt(4) == 0 && depth < 2) {
          sb.append(r.nextBoolean() ? list(depth + 1, r.nextBoolean()) : indent + "   " + paragraph(indent + "   ") + "\n")
              .append('\n');
        }
        if (loose) {
          sb.append('\n');
        }
      }
      return sb.toString().stripTrailing();
    }

    private String quote(int depth) {
      String inner = r.nextBoolean() ? paragraph("") : block(depth + 1) + "\n\n" + paragraph("");
      StringBuilder sb = new StringBuilder();
      for (String line : inner.split("\n", -1)) {
        sb.append(">").append(line.isEmpty() ? "" : " " + line).append('\n');
      }
      return sb.toString().stripTrailing();
    }

    private String fenced() {
      String fence = r.nextBoolean() ? "```" : "~~~";
      String info = List.of("", "java", "java title=\"x\"", " text ", "c\\+\\+").get(r.nextInt(5));
      return fence + info + "\nint a = b < c && d > \"e\";\n\n  indented & <tag>\n" + fence;
    }

    private String unsupportedBlock() {
      return List.of(
              "| a | b |\n|---|---|\n| " + word() + " | 2 |",
              "<div class=\"x\">raw " + word() + "</div>",
              "Text with ![alt " + word() + "](pic.png) inside.",
              "    indented code " + word(),
              "Text <b>inline html</b> " + word(),
              "~~struck " + word() + "~~",
              "[ref " + word() + "][r]\n\n[r]: /x \"T\"")
          .get(r.nextInt(7));
    }
  }
}
