package press.callback.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;

/** Renders a {@link Document}'s body and derives its summary text, word count and email parts. */
public final class BodyRenderer {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern SECTION = Pattern.compile("^##\\s");
  private static final Pattern FENCE = Pattern.compile("^(```|~~~)");

  private final MarkdownRenderer standard = MarkdownRenderer.standard();
  private final MarkdownRenderer email = MarkdownRenderer.hardBreaks();

  /**
   * Renders the body of {@code doc}.
   *
   * @throws ContentException if the Markdown is nested too deeply to render, or the renderer
   *     fails on it
   */
  public Body render(Document doc) throws ContentException {
    try {
      return renderOrFail(doc);
    } catch (MarkdownRenderer.TooDeep e) {
      throw new ContentException(Diagnostic.error(doc.path(), doc.bodyLine() + e.line() - 1, 1,
          String.format(Locale.ROOT, "the Markdown is nested too deeply (%,d levels; at most %d)", e.levels(),
              MarkdownRenderer.MAX_DEPTH),
          "quotes, lists and emphasis inside one another need a few levels; close them sooner"));
    } catch (StackOverflowError e) {
      // The parser itself recurses on some lines (a marker repeated thousands of times).
      throw new ContentException(Diagnostic.error(doc.path(), doc.bodyLine(), 0,
          "the Markdown cannot be rendered: it overflowed the renderer's stack",
          "look for a line that repeats a marker ('- ', '> ', '*') thousands of times"));
    } catch (RuntimeException e) {
      throw new ContentException(Diagnostic.error(doc.path(), doc.bodyLine(), 0,
          "the Markdown cannot be rendered: " + e,
          "this is a bug in press: please report it with this file"));
    }
  }

  private Body renderOrFail(Document doc) {
    if (!doc.markdown()) {
      return derive(doc.body(), null, "");
    }
    if (!(doc.fields() instanceof Fields.Snippet)) {
      MarkdownRenderer.Rendered r = standard.renderWithSummary(doc.body());
      String markdown = doc.body();
      return new Body(r.html(), r.firstParagraph(), null, "", () -> standard.text(markdown));
    }
    String[] parts = splitEmail(doc.body());
    String emailHtml = email.render(parts[0]);
    String notesHtml;
    try {
      notesHtml = parts[1].isBlank() ? "" : standard.render(parts[1]);
    } catch (MarkdownRenderer.TooDeep e) {
      int emailLines = (int) parts[0].chars().filter(c -> c == '\n').count();
      throw new MarkdownRenderer.TooDeep(e.levels(), emailLines + e.line());
    }
    Body.Email mail = new Body.Email(emailHtml, emailText(emailHtml));
    return derive(emailHtml + notesHtml, mail, notesHtml);
  }

  /**
   * The email part of a snippet's (or any draft's) Markdown as text, as {@link #render} makes it:
   * everything before the first {@code ##} heading, line breaks kept.
   */
  public String emailTextOf(String markdown) {
    return emailText(email.render(splitEmail(markdown)[0]));
  }

  private static Body derive(String html, Body.Email mail, String notesHtml) {
    Element body = Jsoup.parseBodyFragment(html).body();
    Element first = body.selectFirst("p");
    String firstParagraph = first == null ? "" : first.text();
    String text = body.text().strip();
    return new Body(html, firstParagraph, mail, notesHtml, () -> text);
  }

  /** Splits a snippet's Markdown at its first {@code ##} heading outside code fences. */
  static String[] splitEmail(String markdown) {
    List<String> lines = FrontMatterParser.splitLines(markdown);
    boolean inFence = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (FENCE.matcher(line).find()) {
        inFence = !inFence;
      } else if (!inFence && SECTION.matcher(line).find()) {
        return new String[] {
          String.join("\n", lines.subList(0, i)) + "\n",
          String.join("\n", lines.subList(i, lines.size())) + "\n"
        };
      }
    }
    return new String[] {markdown, ""};
  }

  /** The email as text: paragraphs apart by a blank line, line breaks kept, list items dashed. */
  static String emailText(String html) {
    Element body = Jsoup.parseBodyFragment(html).body();
    List<String> blocks = new ArrayList<>();
    for (Element block : body.children()) {
      if (block.tagName().equals("ul") || block.tagName().equals("ol")) {
        List<String> items = new ArrayList<>();
        int n = 1;
        for (Element li : block.children()) {
          String mark = block.tagName().equals("ol") ? (n++) + ". " : "- ";
          items.add(mark + inlineText(li));
        }
        blocks.add(String.join("\n", items));
      } else {
        blocks.add(inlineText(block));
      }
    }
    return String.join("\n\n", blocks);
  }

  private static String inlineText(Element element) {
    StringBuilder sb = new StringBuilder();
    appendText(element, sb);
    List<String> lines = new ArrayList<>();
    for (String line : sb.toString().split("\n", -1)) {
      lines.add(WHITESPACE.matcher(line).replaceAll(" ").strip());
    }
    return String.join("\n", lines).strip();
  }

  private static void appendText(Node node, StringBuilder sb) {
    for (Node child : node.childNodes()) {
      if (child instanceof TextNode t) {
        sb.append(t.text());
      } else if (child instanceof Element e) {
        if (e.tagName().equals("br")) {
          sb.append('\n');
        } else {
          appendText(e, sb);
        }
      }
    }
  }
}
