package press.callback.content;

import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.LineAppendable;
import java.util.List;
import org.jsoup.Jsoup;
import press.callback.content.markdown.internal.DirectHtmlWriter;
import press.callback.content.markdown.HeadingIdExtension;
import press.callback.content.markdown.PlaceholderExtension;
import press.callback.content.markdown.QuickAutolinkExtension;
import press.callback.content.markdown.ScriptLinkExtension;

/**
 * Markdown to HTML with flexmark, configured here rather than through JBake's pegdown flags:
 * tables, autolinks, strikethrough, heading ids (generated, or explicit as {@code {#id}}),
 * typographic quotes and dashes, and email placeholders ({@code {name}}). flexmark parses; the
 * HTML of the common nodes is written by {@link DirectHtmlWriter} (the same HTML, several times
 * faster), the rest by flexmark's renderer.
 *
 * <p>Thread-safe: flexmark's parser and renderer are immutable once built.
 */
public final class MarkdownRenderer {
  /**
   * Quotes, lists and emphasis inside one another, at most: the parser, the writers and the text
   * visitor recurse once or more per level, and a few thousand levels overflow a thread's stack.
   * Counted as syntax-tree levels below the document (a paragraph in a list item in a list is 3).
   */
  public static final int MAX_DEPTH = 100;

  /**
   * Markdown nested deeper than {@link #MAX_DEPTH}, refused before it is rendered.
   *
   * @param levels how deep it is nested
   * @param line the 1-based line of the Markdown where it first goes deeper than the limit
   */
  public static final class TooDeep extends RuntimeException {
    private final int levels;
    private final int line;

    TooDeep(int levels, int line) {
      super("Markdown nested " + levels + " levels deep, at line " + line, null, false, false);
      this.levels = levels;
      this.line = line;
    }

    public int levels() {
      return levels;
    }

    public int line() {
      return line;
    }
  }

  private final Parser parser;
  private final Parser parserWithoutTables;
  private final HtmlRenderer renderer;
  private final DirectHtmlWriter direct;

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
            PlaceholderExtension.create(),
            ScriptLinkExtension.create()));
    // Text goes straight to the output: flexmark's default re-checks every character for
    // leading whitespace to trim, which the HTML it writes never has (a seventh of rendering).
    options.set(HtmlRenderer.FORMAT_FLAGS, LineAppendable.F_PASS_THROUGH);
    options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
    options.set(HtmlRenderer.RENDER_HEADER_ID, true);
    options.set(TablesExtension.WITH_CAPTION, false);
    options.set(TablesExtension.MIN_HEADER_ROWS, 1);
    if (hardBreaks) {
      options.set(HtmlRenderer.SOFT_BREAK, "<br />\n");
    }
    this.parser = Parser.builder(options).build();
    // A table needs a '|'; without one, the tables extension only costs time (it compiles its
    // patterns for every document and looks at every paragraph).
    MutableDataSet withoutTables = new MutableDataSet(options);
    withoutTables.set(Parser.EXTENSIONS, Parser.EXTENSIONS.get(options).stream()
        .filter(e -> !(e instanceof TablesExtension)).toList());
    this.parserWithoutTables = Parser.builder(withoutTables).build();
    this.renderer = HtmlRenderer.builder(options).build();
    this.direct = new DirectHtmlWriter(options);
  }

  /** The renderer for articles and pages: a single line break is a space. */
  public static MarkdownRenderer standard() {
    return new MarkdownRenderer(false);
  }

  /** The renderer for email text: every line break is kept, as in an email client. */
  public static MarkdownRenderer hardBreaks() {
    return new MarkdownRenderer(true);
  }

  /**
   * Renders Markdown to an HTML fragment.
   *
   * @throws TooDeep if the Markdown is nested deeper than {@link #MAX_DEPTH}
   */
  public String render(String markdown) {
    com.vladsch.flexmark.util.ast.Document doc = parseMarkdown(markdown);
    DirectHtmlWriter.Written written = direct.write(doc);
    return written != null ? written.html() : renderer.render(doc);
  }

  /**
   * An HTML fragment and the text of its first paragraph.
   *
   * @param html the rendered Markdown
   * @param firstParagraph the text of the first paragraph (outside lists), or empty
   */
  public record Rendered(String html, String firstParagraph) {}

  /**
   * Renders Markdown, and the text of its first paragraph outside lists (the summary when none is
   * written).
   *
   * @throws TooDeep if the Markdown is nested deeper than {@link #MAX_DEPTH}
   */
  public Rendered renderWithSummary(String markdown) {
    com.vladsch.flexmark.util.ast.Document doc = parseMarkdown(markdown);
    DirectHtmlWriter.Written written = direct.write(doc);
    if (written == null) {
      return new Rendered(renderer.render(doc), textOf(firstParagraphWithFlexmark(doc)));
    }
    String first = written.firstParagraphText();
    return new Rendered(written.html(), first != null ? first : textOf(written.firstParagraph()));
  }

  /** The HTML of the first paragraph outside lists, as flexmark renders that paragraph alone. */
  private String firstParagraphWithFlexmark(com.vladsch.flexmark.util.ast.Document doc) {
    for (Node n : doc.getDescendants()) {
      if (n instanceof Paragraph && !(n.getParent() instanceof ListItem)) {
        return renderer.render(n);
      }
    }
    return null;
  }

  private static String textOf(String html) {
    return html == null || html.isEmpty() ? "" : Jsoup.parseBodyFragment(html).text();
  }

  /** The first paragraph's text through flexmark's parser and renderer alone (for tests). */
  String firstParagraphWithFlexmark(String markdown) {
    return textOf(firstParagraphWithFlexmark(parser.parse(markdown)));
  }

  /**
   * flexmark's own HTML for {@code markdown}, parsed with every extension: what the direct writer
   * (and the parser without tables) is held to in tests.
   */
  String renderWithFlexmark(String markdown) {
    return renderer.render(parser.parse(markdown));
  }

  /** The syntax tree of {@code markdown} (for tests). */
  com.vladsch.flexmark.util.ast.Document parse(String markdown) {
    return parseMarkdown(markdown);
  }

  /** @throws TooDeep if the Markdown is nested deeper than {@link #MAX_DEPTH} */
  private com.vladsch.flexmark.util.ast.Document parseMarkdown(String markdown) {
    com.vladsch.flexmark.util.ast.Document doc = (markdown.indexOf('|') < 0 ? parserWithoutTables : parser).parse(markdown);
    checkDepth(doc);
    return doc;
  }

  /** Walks the tree without recursion for its depth: the rendering that follows recurses. */
  private static void checkDepth(com.vladsch.flexmark.util.ast.Document doc) {
    int deepest = 0;
    Node beyond = null;
    int depth = 1;
    Node node = doc.getFirstChild();
    while (node != null) {
      if (depth > deepest) {
        deepest = depth;
        if (depth > MAX_DEPTH && beyond == null) {
          beyond = node;
        }
      }
      Node child = node.getFirstChild();
      if (child != null) {
        node = child;
        depth++;
        continue;
      }
      while (node != doc && node.getNext() == null) {
        node = node.getParent();
        depth--;
      }
      node = node == doc ? null : node.getNext();
    }
    if (beyond != null) {
      throw new TooDeep(deepest, beyond.getStartLineNumber() + 1);
    }
  }

  /** The direct writer's HTML, or {@code null} where it leaves the document to flexmark. */
  String renderDirect(String markdown) {
    DirectHtmlWriter.Written written = direct.write(parseMarkdown(markdown));
    return written == null ? null : written.html();
  }

  /** The text of Markdown without markup (for word counts and the search index). */
  public String text(String markdown) {
    return new TextCollectingVisitor().collectAndGetText(parseMarkdown(markdown)).strip();
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
