package press.callback.content;

import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import press.callback.content.markdown.HeadingIdExtension;
import press.callback.content.markdown.PlaceholderExtension;
import press.callback.content.markdown.QuickAutolinkExtension;

/**
 * Markdown to HTML with flexmark, configured here rather than through JBake's pegdown flags:
 * tables, autolinks, strikethrough, heading ids (generated, or explicit as {@code {#id}}),
 * typographic quotes and dashes, and email placeholders ({@code {name}}).
 *
 * <p>Thread-safe: flexmark's parser and renderer are immutable once built.
 */
public final class MarkdownRenderer {
  private final Parser parser;
  private final HtmlRenderer renderer;

  private MarkdownRenderer(boolean hardBreaks) {
    MutableDataSet options = new MutableDataSet();
    options.set(
        Parser.EXTENSIONS,
        List.of(
            TablesExtension.create(),
            QuickAutolinkExtension.create(),
            StrikethroughExtension.create(),
            TypographicExtension.create(),
            HeadingIdExtension.create(),
            PlaceholderExtension.create()));
    // Text goes straight to the output: flexmark's default re-checks every character for
    // leading whitespace to trim, which the HTML it writes never has (a seventh of rendering).
    options.set(HtmlRenderer.FORMAT_FLAGS, com.vladsch.flexmark.util.sequence.LineAppendable.F_PASS_THROUGH);
    options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
    options.set(HtmlRenderer.RENDER_HEADER_ID, true);
    options.set(TablesExtension.WITH_CAPTION, false);
    options.set(TablesExtension.MIN_HEADER_ROWS, 1);
    if (hardBreaks) {
      options.set(HtmlRenderer.SOFT_BREAK, "<br />\n");
    }
    this.parser = Parser.builder(options).build();
    this.renderer = HtmlRenderer.builder(options).build();
  }

  /** The renderer for articles and pages: a single line break is a space. */
  public static MarkdownRenderer standard() {
    return new MarkdownRenderer(false);
  }

  /** The renderer for email text: every line break is kept, as in an email client. */
  public static MarkdownRenderer hardBreaks() {
    return new MarkdownRenderer(true);
  }

  /** Renders Markdown to an HTML fragment. */
  public String render(String markdown) {
    return renderer.render(parser.parse(markdown));
  }

  /**
   * An HTML fragment and facts about its text.
   *
   * @param html the rendered Markdown
   * @param firstParagraph the text of the first paragraph (outside lists), or empty
   * @param words the number of words of text
   * @param text the text, without markup
   */
  public record Rendered(String html, String firstParagraph, int words, String text) {}

  /** Renders Markdown and reads the facts from the syntax tree, not from the HTML (faster). */
  public Rendered renderWithFacts(String markdown) {
    com.vladsch.flexmark.util.ast.Document doc = parser.parse(markdown);
    String html = renderer.render(doc);
    String first = "";
    for (com.vladsch.flexmark.util.ast.Node n : doc.getDescendants()) {
      if (n instanceof com.vladsch.flexmark.ast.Paragraph
          && !(n.getParent() instanceof com.vladsch.flexmark.ast.ListItem)) {
        first = org.jsoup.Jsoup.parseBodyFragment(renderer.render(n)).text();
        break;
      }
    }
    String text = new com.vladsch.flexmark.util.ast.TextCollectingVisitor().collectAndGetText(doc).strip();
    return new Rendered(html, first, countWords(text), text);
  }

  /** The number of runs of non-whitespace characters in {@code text}, as splitting at {@code \\s+} counts them. */
  static int countWords(String text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = isRegexSpace(text.charAt(i));
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    return words;
  }

  /** {@code \\s} of {@link java.util.regex.Pattern}: space, tab, line feed, vertical tab, form feed, carriage return. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }
}
