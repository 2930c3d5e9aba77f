package press.callback.content.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.ParagraphItemContainer;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.typographic.TypographicQuotes;
import com.vladsch.flexmark.ext.typographic.TypographicSmarts;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlRendererOptions;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NonRenderingInline;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SubSequence;

/**
 * Writes the HTML of the Markdown most documents are made of — paragraphs, headings, lists,
 * quotes, fenced code, emphasis, code spans, links, typographic quotes, placeholders — straight
 * into a {@code StringBuilder}, the same HTML as flexmark's {@link HtmlRenderer} with the options
 * {@link press.callback.content.MarkdownRenderer} sets. flexmark's renderer goes through a line
 * formatter that looks at every character it writes: most of the Markdown time of a large bake.
 *
 * <p>Any other node (tables, raw HTML, images, reference links, indented code, …) and any option
 * this writer does not follow make it decline ({@link #write} returns {@code null}); the caller
 * then renders with flexmark. Held to flexmark's output byte for byte by {@code
 * DirectHtmlWriterTest} (generated documents, the content, the Markdown spec's examples).
 *
 * <p>Thread-safe: nothing is kept between calls.
 */
public final class DirectHtmlWriter {
  private final DataHolder options;
  private final HtmlRendererOptions html;
  private final ListOptions lists;
  private final boolean usable;

  /** A writer for documents parsed and rendered with {@code options}. */
  public DirectHtmlWriter(DataHolder options) {
    this.options = options;
    this.html = new HtmlRendererOptions(options);
    this.lists = ListOptions.get(options);
    this.usable = html.renderHeaderId && html.generateHeaderIds
        && html.emphasisStyleHtmlOpen == null && html.strongEmphasisStyleHtmlOpen == null
        && html.codeStyleHtmlOpen == null && !html.percentEncodeUrls && !html.doNotRenderLinksInDocument
        && !html.sourcePositionParagraphLines && html.sourcePositionAttribute.isEmpty()
        && html.htmlBlockCloseTagEol && html.unescapeHtmlEntities
        && html.languageClassMap.isEmpty() && html.noLanguageClass.isBlank()
        && !HtmlRenderer.OBFUSCATE_EMAIL.get(options) && !HtmlRenderer.NO_P_TAGS_USE_BR.get(options)
        && HtmlRenderer.INDENT_SIZE.get(options) == 0;
  }

  /**
   * What was written.
   *
   * @param html the document's HTML, as flexmark's renderer writes it
   * @param firstParagraph the HTML of the first paragraph not in a list item (as flexmark renders
   *     that paragraph alone), or {@code null} if there is none
   * @param firstParagraphText the text of that paragraph as jsoup's {@code Element.text()} reads
   *     its HTML (whitespace collapsed, entities decoded), or {@code null} if there is no such
   *     paragraph or it holds markup whose text this writer does not know
   */
  public record Written(String html, String firstParagraph, String firstParagraphText) {}

  /** The HTML of {@code doc}, or {@code null} if it holds a node this writer leaves to flexmark. */
  public Written write(Document doc) {
    if (!usable) {
      return null;
    }
    Run run = new Run(doc);
    try {
      run.children(doc);
    } catch (Declined e) {
      return null;
    }
    return new Written(run.out.toString(), run.firstParagraph, run.firstParagraphText());
  }

  /** A node this writer does not write. */
  private static final class Declined extends RuntimeException {
    static final Declined INSTANCE = new Declined();

    private Declined() {
      super(null, null, false, false);
    }
  }

  /** One document's writing. */
  private final class Run {
    final StringBuilder out;
    final Document doc;
    HeaderIdGenerator ids;
    String firstParagraph;
    /** The first paragraph's text while it is written, or {@code null} when not collecting. */
    StringBuilder plain;
    boolean plainKnown = true;
    String plainText;

    Run(Document doc) {
      this.doc = doc;
      this.out = new StringBuilder(doc.getChars().length() + doc.getChars().length() / 4 + 64);
    }

    void children(Node parent) {
      for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
        node(n);
      }
    }

    void node(Node n) {
      // Most frequent first.
      if (n instanceof Text) {
        text(n.getChars());
      } else if (n instanceof Paragraph p) {
        paragraph(p);
      } else if (n instanceof ListItem item) {
        listItem(item);
      } else if (n instanceof Heading h) {
        heading(h);
      } else if (n instanceof Link l) {
        link(l);
      } else if (n instanceof SoftLineBreak) {
        lineBreak(html.softBreak);
      } else if (n instanceof StrongEmphasis) {
        inline("strong", n);
      } else if (n instanceof Emphasis) {
        inline("em", n);
      } else if (n instanceof Code c) {
        out.append("<code>");
        escaped(Escaping.collapseWhitespace(c.getText(), true));
        out.append("</code>");
      } else if (n instanceof TypographicSmarts s) {
        raw(s.getTypographicText());
      } else if (n instanceof TypographicQuotes q) {
        raw(q.getTypographicOpening());
        children(q);
        raw(q.getTypographicClosing());
      } else if (n instanceof PlaceholderExtension.Placeholder) {
        out.append("<span class=\"placeholder\">");
        escaped(n.getChars());
        out.append("</span>");
      } else if (n instanceof BulletList) {
        block("ul", "", n);
      } else if (n instanceof OrderedList o) {
        int start = o.getStartNumber();
        block("ol", lists.isOrderedListManualStart() && start != 1 ? " start=\"" + start + "\"" : "", n);
      } else if (n instanceof BlockQuote) {
        block("blockquote", "", n);
      } else if (n instanceof FencedCodeBlock f) {
        fenced(f);
      } else if (n instanceof AutoLink a) {
        autoLink(a);
      } else if (n instanceof MailLink m) {
        mailLink(m);
      } else if (n instanceof HardLineBreak) {
        lineBreak(html.hardBreak);
      } else if (n instanceof ThematicBreak) {
        line();
        out.append("<hr />");
        line();
      } else if (n instanceof HtmlEntity) {
        escaped(n.getChars().unescape());
      } else if (n.getClass() == TextBase.class) {
        children(n);
      } else {
        throw Declined.INSTANCE;
      }
    }

    void paragraph(Paragraph p) {
      if (p.getFirstChildAnyNot(NonRenderingInline.class) == null) {
        if (firstParagraph == null && !(p.getParent() instanceof ListItem)) {
          firstParagraph = "";
        }
        return;
      }
      if (p.getParent() instanceof ParagraphItemContainer c && c.isParagraphWrappingDisabled(p, lists, options)) {
        children(p);
        return;
      }
      line();
      int start = out.length();
      boolean first = firstParagraph == null && !(p.getParent() instanceof ListItem);
      if (first) {
        plain = new StringBuilder();
      }
      out.append("<p>");
      children(p);
      out.append("</p>");
      if (first) {
        firstParagraph = out.substring(start) + "\n";
        plainText = plainKnown ? jsoupText(plain) : null;
        plain = null;
      }
      line();
    }

    void listItem(ListItem item) {
      if (item.getMarkerSuffix().isNotEmpty()) {
        throw Declined.INSTANCE; // task list items and the like
      }
      line();
      out.append("<li>");
      children(item);
      out.append("</li>");
      line();
    }

    void heading(Heading h) {
      if (ids == null) {
        ids = new HeaderIdGenerator(options);
        ids.generateIds(doc);
      }
      String id = ids.getId(h);
      line();
      out.append("<h").append(h.getLevel());
      if (id != null && !id.isEmpty()) {
        out.append(" id=\"").append(Escaping.escapeHtml(id, true)).append('"');
      }
      out.append('>');
      children(h);
      out.append("</h").append(h.getLevel()).append('>');
      line();
    }

    /** Links flexmark writes as text ({@code javascript:} by default) are left to it. */
    void notSuppressed(CharSequence url) {
      if (html.suppressedLinks != null && html.suppressedLinks.matcher(url).matches()) {
        throw Declined.INSTANCE;
      }
    }

    void link(Link l) {
      notSuppressed(l.getUrl());
      out.append("<a href=\"").append(Escaping.escapeHtml(l.getUrl().unescape(), true)).append('"');
      if (l.getTitle().isNotNull()) {
        out.append(" title=\"").append(Escaping.escapeHtml(l.getTitle().unescape(), true)).append('"');
      }
      out.append('>');
      children(l);
      out.append("</a>");
    }

    void autoLink(AutoLink a) {
      notSuppressed(a.getUrl());
      String text = a.getText().toString();
      String url = text.startsWith("www.") ? html.autolinkWwwPrefix + text : text;
      out.append("<a href=\"").append(Escaping.escapeHtml(url, true)).append("\">");
      escaped(text);
      out.append("</a>");
    }

    void mailLink(MailLink m) {
      notSuppressed(m.getUrl());
      String text = m.getText().unescape();
      out.append("<a href=\"").append(Escaping.escapeHtml("mailto:" + text, true)).append("\">");
      escaped(text);
      out.append("</a>");
    }

    void inline(String tag, Node n) {
      out.append('<').append(tag).append('>');
      children(n);
      out.append("</").append(tag).append('>');
    }

    void block(String tag, String attributes, Node n) {
      line();
      out.append('<').append(tag).append(attributes).append('>');
      line();
      children(n);
      line();
      out.append("</").append(tag).append('>');
      line();
    }

    void fenced(FencedCodeBlock f) {
      line();
      out.append("<pre><code");
      BasedSequence info = f.getInfo();
      if (info.isNotNull() && !info.isBlank()) {
        String language = f.getInfoDelimitedByAny(html.languageDelimiterSet).unescape();
        out.append(" class=\"").append(Escaping.escapeHtml(html.languageClassPrefix + language, true)).append('"');
      }
      out.append('>');
      escaped(f.getContentChars().normalizeEOL());
      out.append("</code></pre>");
      line();
    }

    /** A text node: backslash escapes and entities resolved, line ends normalized, then escaped. */
    void text(BasedSequence chars) {
      if (chars instanceof SubSequence sub && sub.getBase() instanceof String base) {
        int start = sub.getStartOffset();
        int end = sub.getEndOffset();
        if (plain(base, start, end)) {
          escaped(base, start, end);
          return;
        }
      }
      escaped(Escaping.normalizeEOL(chars.unescape()));
    }

    /** Whether there is nothing to unescape or normalize: no backslash, no entity, no CR. */
    private static boolean plain(String s, int start, int end) {
      for (int i = start; i < end; i++) {
        char c = s.charAt(i);
        if (c == '\\' || c == '&' || c == '\r') {
          return false;
        }
      }
      return true;
    }

    /** As flexmark's {@code Escaping.escapeHtml(s, false)}. */
    void escaped(CharSequence s) {
      // Read a piece of the source from the source string itself: far quicker than through
      // flexmark's sequence, character by character.
      if (s instanceof SubSequence sub && sub.getBase() instanceof String base) {
        escaped(base, sub.getStartOffset(), sub.getEndOffset());
      } else {
        String string = s.toString();
        escaped(string, 0, string.length());
      }
    }

    void escaped(String s, int start, int end) {
      int from = start;
      for (int i = start; i < end; i++) {
        String entity;
        switch (s.charAt(i)) {
          case '&' -> entity = "&amp;";
          case '<' -> entity = "&lt;";
          case '>' -> entity = "&gt;";
          case '"' -> entity = "&quot;";
          default -> {
            continue;
          }
        }
        out.append(s, from, i).append(entity);
        from = i + 1;
      }
      out.append(s, from, end);
      if (plain != null) {
        plain.append(s, start, end);
      }
    }

    /** Raw HTML the typographic extension writes: one entity, such as {@code &ldquo;}. */
    void raw(String s) {
      if (s == null) {
        return;
      }
      out.append(s);
      if (plain != null) {
        String decoded = s.length() > 2 && s.charAt(0) == '&' && s.charAt(s.length() - 1) == ';'
            ? org.jsoup.nodes.Entities.getByName(s.substring(1, s.length() - 1))
            : "";
        if (decoded.isEmpty()) {
          plainKnown = false; // not a named entity: left to jsoup
        }
        plain.append(decoded);
      }
    }

    /** A line break as the options write it; its text is whitespace, as a line end or {@code <br />}. */
    void lineBreak(String written) {
      out.append(written);
      if (plain != null) {
        if (!written.equals("\n") && !written.equals("<br />\n")) {
          plainKnown = false;
        }
        plain.append('\n');
      }
    }

    String firstParagraphText() {
      return firstParagraph == null ? null : firstParagraph.isEmpty() ? "" : plainText;
    }


    /**
     * Text as jsoup's {@code Element.text()} gives it: runs of whitespace (space, tab, line feed,
     * form feed, carriage return, no-break space) as one space, zero-width spaces and soft
     * hyphens dropped, the ends trimmed.
     */
    static String jsoupText(CharSequence text) {
      StringBuilder sb = new StringBuilder(text.length());
      boolean white = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\u00A0') {
          if (!white) {
            sb.append(' ');
            white = true;
          }
        } else if (c != '\u200B' && c != '\u00AD') {
          sb.append(c);
          white = false;
        }
      }
      return sb.toString().trim();
    }

    /** Ends the current line, unless nothing has been written on it. */
    void line() {
      int n = out.length();
      if (n > 0 && out.charAt(n - 1) != '\n') {
        out.append('\n');
      }
    }
  }
}
