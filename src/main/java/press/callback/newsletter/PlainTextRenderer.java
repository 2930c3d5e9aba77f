package press.callback.newsletter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The plain-text part of an email: every heading, paragraph, list item and link of the HTML,
 * wrapped at 72 columns. Links are written {@code text <https://…>}; headings are underlined;
 * list items get a dash or their number. The hidden preheader is kept as the first line. A
 * paragraph that is only a link to the address written just before (an article's "Read the
 * article" under its linked title) is left out: in text it would only repeat the address.
 */
public final class PlainTextRenderer {
  /** Lines are wrapped at this width; longer words (URLs) get a line of their own. */
  public static final int WIDTH = 72;

  private static final Set<String> BLOCKS = Set.of(
      "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "td", "th", "table", "blockquote",
      "pre", "ul", "ol", "section", "article", "header", "footer", "hr", "center", "body");
  private static final Set<String> SKIP = Set.of("head", "style", "script", "title");

  private PlainTextRenderer() {}

  /** Renders the text of {@code doc}'s body. */
  public static String render(Document doc) {
    Builder b = new Builder();
    NodeTraversor.traverse(b, doc.body());
    b.flush();
    return String.join("\n\n", b.blocks) + "\n";
  }

  private static final class Builder implements NodeVisitor {
    final List<String> blocks = new ArrayList<>();
    private final StringBuilder line = new StringBuilder();
    private final List<Element> lists = new ArrayList<>();
    private int skipping;
    /** The paragraph left out because it repeats the last link, while inside it. */
    private Element repeat;
    /** The address of the last link written. */
    private String lastHref = "";
    private int quoteDepth;
    /** Items of one list go on consecutive lines, not in paragraphs of their own. */
    private boolean lastWasItem;

    @Override
    public void head(Node node, int depth) {
      if (skipping > 0) {
        if (node instanceof Element e && SKIP.contains(e.tagName())) {
          skipping++;
        }
        return;
      }
      if (node instanceof TextNode t) {
        text(t.getWholeText());
        return;
      }
      if (!(node instanceof Element e)) {
        return; // comments, such as Outlook's conditional ones
      }
      String tag = e.tagName();
      if (SKIP.contains(tag)) {
        skipping++;
        return;
      }
      if (repeatsLastLink(e)) {
        repeat = e;
        skipping++;
        return;
      }
      if (isBlock(e)) {
        flush();
      }
      switch (tag) {
        case "br" -> line.append('\n');
        case "ul", "ol" -> {
          lists.add(e);
          lastWasItem = false;
        }
        case "blockquote" -> quoteDepth++;
        case "img" -> {
          String alt = e.attr("alt").strip();
          if (!alt.isEmpty()) {
            text(" " + alt + " ");
          }
        }
        default -> {}
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (!(node instanceof Element e)) {
        return;
      }
      String tag = e.tagName();
      if (skipping > 0) {
        if (SKIP.contains(tag) || e == repeat) {
          skipping--;
        }
        return;
      }
      switch (tag) {
        case "a" -> link(e);
        case "h1" -> underline('=');
        case "h2" -> underline('-');
        case "li" -> listItem(e);
        case "hr" -> {
          blocks.add("-".repeat(WIDTH));
          lastWasItem = false;
        }
        case "ul", "ol" -> lists.remove(lists.size() - 1);
        case "blockquote" -> {
          flush();
          quoteDepth--;
        }
        default -> {}
      }
      if (isBlock(e)) {
        flush();
      }
    }

    /** Block elements start a new paragraph; a paragraph inside a list item does not. */
    private boolean isBlock(Element e) {
      return BLOCKS.contains(e.tagName()) && !(e.tagName().equals("p") && e.parent() != null && e.parent().tagName().equals("li"));
    }

    private boolean repeatsLastLink(Element e) {
      if (!e.tagName().equals("p") || e.childrenSize() != 1 || !e.child(0).tagName().equals("a")) {
        return false;
      }
      Element a = e.child(0);
      return !lastHref.isEmpty() && a.attr("href").strip().equals(lastHref) && e.text().equals(a.text());
    }

    private void text(String raw) {
      String t = raw.replace("\u200C", "").replace('\u00A0', ' ').replace("\u034F", "");
      String collapsed = t.replaceAll("[\\s&&[^\n]]+|\n", " ");
      if (line.length() == 0 || line.charAt(line.length() - 1) == '\n') {
        collapsed = collapsed.stripLeading();
      }
      line.append(collapsed);
    }

    private void link(Element a) {
      String href = a.attr("href").strip();
      if (href.isEmpty() || href.startsWith("#")) {
        return;
      }
      lastHref = href;
      String shown = a.text().strip();
      String target = href.toLowerCase(Locale.ROOT).startsWith("mailto:") ? href.substring(7) : href;
      if (shown.equals(href) || shown.equals(target)) {
        int at = line.lastIndexOf(shown);
        if (at >= 0) {
          line.replace(at, at + shown.length(), "<" + href + ">");
          return;
        }
      }
      line.append(" <").append(href).append('>');
    }

    private void underline(char c) {
      String title = line.toString().strip();
      line.setLength(0);
      if (!title.isEmpty()) {
        lastWasItem = false;
        blocks.add(title + "\n" + String.valueOf(c).repeat(Math.min(title.length(), WIDTH)));
      }
    }

    private void listItem(Element li) {
      Element list = lists.isEmpty() ? null : lists.get(lists.size() - 1);
      String mark = list != null && list.tagName().equals("ol") ? (li.elementSiblingIndex() + 1) + ". " : "- ";
      String item = line.toString().strip();
      line.setLength(0);
      if (!item.isEmpty()) {
        String indent = "  ".repeat(Math.max(0, lists.size() - 1));
        String wrapped = wrap(item, indent + mark, indent + " ".repeat(mark.length()));
        if (lastWasItem && !blocks.isEmpty()) {
          blocks.set(blocks.size() - 1, blocks.get(blocks.size() - 1) + "\n" + wrapped);
        } else {
          blocks.add(wrapped);
        }
        lastWasItem = true;
      }
    }

    void flush() {
      String text = line.toString().strip();
      line.setLength(0);
      if (text.isEmpty()) {
        return;
      }
      lastWasItem = false;
      String prefix = "> ".repeat(quoteDepth);
      List<String> wrapped = new ArrayList<>();
      for (String l : text.split("\n")) {
        wrapped.add(wrap(l.strip(), prefix, prefix));
      }
      blocks.add(String.join("\n", wrapped));
    }
  }

  /** Greedy word wrap at {@link #WIDTH}; a word longer than the width stays whole. */
  static String wrap(String text, String first, String rest) {
    StringBuilder out = new StringBuilder(first);
    int lineStart = 0;
    boolean empty = true;
    for (String word : text.split(" +")) {
      if (word.isEmpty()) {
        continue;
      }
      int lineLength = out.length() - lineStart;
      if (!empty && lineLength + 1 + word.length() > WIDTH) {
        out.append('\n');
        lineStart = out.length();
        out.append(rest);
        empty = true;
      }
      if (!empty) {
        out.append(' ');
      }
      out.append(word);
      empty = false;
    }
    return out.toString();
  }
}
