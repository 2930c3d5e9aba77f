package press.callback.content.markdown.internal;

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
import press.callback.content.markdown.PlaceholderExtension;

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
 * <p>Thread-safe: nothing is kept between calls. Over 300 lines because it is one mirror of
 * flexmark's node renderers, a branch per node, best read side by side with them in one place.
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
    if (!run.children(doc)) {
      return null;
    }
    return new Written(run.out.toString(), run.firstParagraph, run.firstParagraphText());
  }

  /**
   * One document's writing. Each method that writes a node or its children returns whether it
   * could: {@code false} as soon as a node is one this writer leaves to flexmark (what it wrote
   * until then is dropped).
   */
  private final class Run {
    final HtmlOut out;
    final Document doc;
    HeaderIdGenerator ids;
    String firstParagraph;
    String plainText;

    Run(Document doc) {
      this.doc = doc;
      this.out = new HtmlOut(doc.getChars().length() + doc.getChars().length() / 4 + 64);
    }

    boolean children(Node parent) {
      for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
        if (!node(n)) {
          return false;
        }
      }
      return true;
    }

    boolean node(Node n) {
      // Most frequent first.
      if (n instanceof Text) {
        out.text(n.getChars());
      } else if (n instanceof Paragraph p) {
        return paragraph(p);
      } else if (n instanceof ListItem item) {
        return listItem(item);
      } else if (n instanceof Heading h) {
        return heading(h);
      } else if (n instanceof Link l) {
        return link(l);
      } else if (n instanceof SoftLineBreak) {
        out.lineBreak(html.softBreak);
      } else if (n instanceof StrongEmphasis) {
        return inline("strong", n);
      } else if (n instanceof Emphasis) {
        return inline("em", n);
      } else if (n instanceof Code c) {
        out.append("<code>");
        out.escaped(Escaping.collapseWhitespace(c.getText(), true));
        out.append("</code>");
      } else if (n instanceof TypographicSmarts s) {
        out.raw(s.getTypographicText());
      } else if (n instanceof TypographicQuotes q) {
        out.raw(q.getTypographicOpening());
        if (!children(q)) {
          return false;
        }
        out.raw(q.getTypographicClosing());
      } else if (n instanceof PlaceholderExtension.Placeholder) {
        out.append("<span class=\"placeholder\">");
        out.escaped(n.getChars());
        out.append("</span>");
      } else if (n instanceof BulletList) {
        return block("ul", "", n);
      } else if (n instanceof OrderedList o) {
        int start = o.getStartNumber();
        return block("ol", lists.isOrderedListManualStart() && start != 1 ? " start=\"" + start + "\"" : "", n);
      } else if (n instanceof BlockQuote) {
        return block("blockquote", "", n);
      } else if (n instanceof FencedCodeBlock f) {
        fenced(f);
      } else if (n instanceof AutoLink a) {
        return autoLink(a);
      } else if (n instanceof MailLink m) {
        return mailLink(m);
      } else if (n instanceof HardLineBreak) {
        out.lineBreak(html.hardBreak);
      } else if (n instanceof ThematicBreak) {
        out.line();
        out.append("<hr />");
        out.line();
      } else if (n instanceof HtmlEntity) {
        out.escaped(n.getChars().unescape());
      } else if (n.getClass() == TextBase.class) {
        return children(n);
      } else {
        return false;
      }
      return true;
    }

    boolean paragraph(Paragraph p) {
      if (p.getFirstChildAnyNot(NonRenderingInline.class) == null) {
        if (firstParagraph == null && !(p.getParent() instanceof ListItem)) {
          firstParagraph = "";
        }
        return true;
      }
      if (p.getParent() instanceof ParagraphItemContainer c && c.isParagraphWrappingDisabled(p, lists, options)) {
        return children(p);
      }
      out.line();
      int start = out.length();
      boolean first = firstParagraph == null && !(p.getParent() instanceof ListItem);
      if (first) {
        out.collectText();
      }
      out.append("<p>");
      if (!children(p)) {
        return false;
      }
      out.append("</p>");
      if (first) {
        firstParagraph = out.from(start) + "\n";
        plainText = out.collectedText();
      }
      out.line();
      return true;
    }

    boolean listItem(ListItem item) {
      if (item.getMarkerSuffix().isNotEmpty()) {
        return false; // task list items and the like
      }
      out.line();
      out.append("<li>");
      if (!children(item)) {
        return false;
      }
      out.append("</li>");
      out.line();
      return true;
    }

    boolean heading(Heading h) {
      if (ids == null) {
        ids = new HeaderIdGenerator(options);
        ids.generateIds(doc);
      }
      String id = ids.getId(h);
      out.line();
      out.append("<h").append(h.getLevel());
      if (id != null && !id.isEmpty()) {
        out.append(" id=\"").append(Escaping.escapeHtml(id, true)).append('"');
      }
      out.append('>');
      if (!children(h)) {
        return false;
      }
      out.append("</h").append(h.getLevel()).append('>');
      out.line();
      return true;
    }

    /** Links flexmark writes as text ({@code javascript:} by default) are left to it. */
    boolean suppressed(CharSequence url) {
      return html.suppressedLinks != null && html.suppressedLinks.matcher(url).matches();
    }

    boolean link(Link l) {
      if (suppressed(l.getUrl())) {
        return false;
      }
      out.append("<a href=\"").append(Escaping.escapeHtml(l.getUrl().unescape(), true)).append('"');
      if (l.getTitle().isNotNull()) {
        out.append(" title=\"").append(Escaping.escapeHtml(l.getTitle().unescape(), true)).append('"');
      }
      out.append('>');
      if (!children(l)) {
        return false;
      }
      out.append("</a>");
      return true;
    }

    boolean autoLink(AutoLink a) {
      if (suppressed(a.getUrl())) {
        return false;
      }
      String text = a.getText().toString();
      String url = text.startsWith("www.") ? html.autolinkWwwPrefix + text : text;
      out.append("<a href=\"").append(Escaping.escapeHtml(url, true)).append("\">");
      out.escaped(text);
      out.append("</a>");
      return true;
    }

    boolean mailLink(MailLink m) {
      if (suppressed(m.getUrl())) {
        return false;
      }
      String text = m.getText().unescape();
      out.append("<a href=\"").append(Escaping.escapeHtml("mailto:" + text, true)).append("\">");
      out.escaped(text);
      out.append("</a>");
      return true;
    }

    boolean inline(String tag, Node n) {
      out.append('<').append(tag).append('>');
      if (!children(n)) {
        return false;
      }
      out.append("</").append(tag).append('>');
      return true;
    }

    boolean block(String tag, String attributes, Node n) {
      out.line();
      out.append('<').append(tag).append(attributes).append('>');
      out.line();
      if (!children(n)) {
        return false;
      }
      out.line();
      out.append("</").append(tag).append('>');
      out.line();
      return true;
    }

    void fenced(FencedCodeBlock f) {
      out.line();
      out.append("<pre><code");
      BasedSequence info = f.getInfo();
      if (info.isNotNull() && !info.isBlank()) {
        String language = f.getInfoDelimitedByAny(html.languageDelimiterSet).unescape();
        out.append(" class=\"").append(Escaping.escapeHtml(html.languageClassPrefix + language, true)).append('"');
      }
      out.append('>');
      out.escaped(f.getContentChars().normalizeEOL());
      out.append("</code></pre>");
      out.line();
    }

    String firstParagraphText() {
      return firstParagraph == null ? null : firstParagraph.isEmpty() ? "" : plainText;
    }
  }
}
