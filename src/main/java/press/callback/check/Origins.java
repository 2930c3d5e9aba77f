package press.callback.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import press.callback.content.Catalog;
import press.callback.content.Entry;

/**
 * Finds where a link on a baked page was written: in the Markdown of the page's own document
 * (file and line), in a template (literally, with its line), in another document whose body the
 * page shows, or — when none of these has it — on the page itself, made by its template.
 *
 * <p>Not thread-safe (it caches what it parsed); one per check.
 */
final class Origins {
  /** Marks a body-link count of images without alt. */
  private static final String NO_ALT = "\u0000no-alt";
  /** Where an occurrence comes from. */
  enum Kind {
    MARKDOWN,
    TEMPLATE,
    PAGE
  }

  /**
   * A place a link was written.
   *
   * @param kind Markdown, template or page
   * @param path the file relative to the project (Markdown or template) or the output page
   * @param line 1-based, or 0
   * @param column 1-based, or 0
   * @param sourceLine the text of the line, or empty
   * @param entry for Markdown, the document
   * @param template for pages, the template that renders the page, or empty
   */
  record Origin(Kind kind, String path, int line, int column, String sourceLine, Entry entry, String template) {}

  /** An origin and how many of a page's occurrences come from it. */
  record Share(Origin origin, int count) {}

  private final Map<String, Entry> byUri = new HashMap<>();
  private final List<Entry> visible;
  private final Map<String, String> templates;
  private final Map<String, String> templateOfPage;
  private final String outputLabel;
  private final Map<Entry, Map<String, Integer>> bodyLinks = new HashMap<>();
  private final Map<String, Origin> templateLiterals = new HashMap<>();
  private final Map<String, List<Entry>> writtenBy = new HashMap<>();

  Origins(Catalog catalog, Map<String, String> templates, Map<String, String> templateOfPage, String outputLabel) {
    this.visible = catalog.entries();
    for (Entry e : visible) {
      byUri.put(e.uri(), e);
    }
    this.templates = new TreeMap<>(templates);
    this.templateOfPage = templateOfPage;
    this.outputLabel = outputLabel;
  }

  /**
   * Where the {@code occurrences} of {@code value} on {@code page} come from: first its own
   * document's Markdown (as often as the body holds the value), the rest from a template.
   *
   * @param withoutAlt whether these are images without {@code alt}: Markdown images always have
   *     one, so the body wrote them as HTML ({@code <img src=…>})
   */
  List<Share> of(String page, String html, String value, int occurrences, boolean withoutAlt) {
    List<Share> shares = new ArrayList<>();
    Entry own = byUri.get(page);
    String key = withoutAlt ? value + NO_ALT : value;
    int fromBody = own == null ? 0 : Math.min(occurrences, bodyCount(own, key));
    if (fromBody > 0) {
      List<Origin> written = withoutAlt ? inHtml(own, value) : inMarkdown(own, value);
      for (int i = 0; i < fromBody; i++) {
        shares.add(new Share(written.get(Math.min(i, written.size() - 1)), 1));
      }
    }
    int rest = occurrences - fromBody;
    if (rest > 0) {
      shares.add(new Share(elsewhere(page, html, value, own), rest));
    }
    return shares;
  }

  /** The page's own Markdown document, if it is a document's page. */
  Entry entryOf(String page) {
    return byUri.get(page);
  }

  private Origin elsewhere(String page, String html, String value, Entry own) {
    Origin literal = templateLiterals.computeIfAbsent(value, this::inTemplates);
    if (literal.kind() == Kind.TEMPLATE) {
      return literal;
    }
    if (value.startsWith("/") || value.contains("://")) {
      // the same address on every page: a document whose body this page shows (a snippet on an
      // issue page)
      List<Entry> writers = writtenBy.computeIfAbsent(value, v -> visible.stream()
          .filter(e -> e.doc().body().contains(v) && bodyCount(e, v) > 0)
          .limit(2)
          .toList());
      for (Entry e : writers) {
        if (e != own) {
          return inMarkdown(e, value).get(0);
        }
      }
    }
    return onPage(page, html, value);
  }

  private int bodyCount(Entry e, String value) {
    Map<String, Integer> counts = bodyLinks.computeIfAbsent(e, entry -> {
      Map<String, Integer> m = new HashMap<>();
      for (Page.Link link : Page.linksOf(entry.body().html())) {
        m.merge(link.value(), 1, Integer::sum);
        if (link.isImage() && !link.hasAlt()) {
          m.merge(link.value() + NO_ALT, 1, Integer::sum);
        }
      }
      return m;
    });
    return counts.getOrDefault(value, 0);
  }

  /** Where the body's source writes {@code <img src=value>}, else wherever it writes the value. */
  private static List<Origin> inHtml(Entry e, String value) {
    List<Origin> found = new ArrayList<>();
    for (Origin o : inMarkdown(e, value)) {
      String before = o.sourceLine().substring(0, o.column() - 1).replaceAll("\\s+", "");
      if (before.endsWith("src=\"") || before.endsWith("src='") || before.endsWith("src=")) {
        found.add(o);
      }
    }
    return found.isEmpty() ? inMarkdown(e, value) : found;
  }

  /** Every place the body's source writes {@code value}; at least one (the body's start). */
  private static List<Origin> inMarkdown(Entry e, String value) {
    String[] lines = e.doc().body().split("\n", -1);
    List<Origin> found = new ArrayList<>();
    for (boolean delimited : new boolean[] {true, false}) {
      for (int i = 0; i < lines.length; i++) {
        for (int col = find(lines[i], value, 0, delimited); col >= 0; col = find(lines[i], value, col + 1, delimited)) {
          found.add(new Origin(Kind.MARKDOWN, e.path(), e.doc().bodyLine() + i, col + 1, lines[i], e, ""));
        }
      }
      if (!found.isEmpty()) {
        return found;
      }
    }
    int i = 0;
    while (i < lines.length - 1 && lines[i].isBlank()) {
      i++;
    }
    return List.of(new Origin(Kind.MARKDOWN, e.path(), e.doc().bodyLine() + i, 1, lines[i], e, ""));
  }

  /** The first template that writes {@code value} literally, or a page origin marker. */
  private Origin inTemplates(String value) {
    List<String> forms = value.contains("&") ? List.of(value, value.replace("&", "&amp;")) : List.of(value);
    for (Map.Entry<String, String> t : templates.entrySet()) {
      String[] lines = t.getValue().split("\n", -1);
      for (String form : forms) {
        for (int i = 0; i < lines.length; i++) {
          int col = find(lines[i], form, 0, true);
          if (col >= 0) {
            return new Origin(Kind.TEMPLATE, t.getKey(), i + 1, col + 1, lines[i], null, "");
          }
        }
      }
    }
    return new Origin(Kind.PAGE, "", 0, 0, "", null, "");
  }

  /** The page itself, at the attribute that holds {@code value}. */
  private Origin onPage(String page, String html, String value) {
    String template = templateOfPage.getOrDefault(page, "");
    for (String v : value.contains("&") ? List.of(value.replace("&", "&amp;"), value) : List.of(value)) {
      for (String quote : List.of("\"", "'", "")) {
        int at = html.indexOf("=" + quote + v + quote);
        if (at >= 0) {
          int start = html.lastIndexOf('\n', at) + 1;
          int end = html.indexOf('\n', at);
          String line = html.substring(start, end < 0 ? html.length() : end);
          int number = 1 + (int) html.substring(0, start).chars().filter(c -> c == '\n').count();
          return new Origin(Kind.PAGE, outputLabel + page, number, at - start + 2 + quote.length(), line, null, template);
        }
      }
    }
    return new Origin(Kind.PAGE, outputLabel + page, 0, 0, "", null, template);
  }

  /** Where {@code value} starts in {@code line} from {@code from}: delimited as an address if asked. */
  private static int find(String line, String value, int from, boolean delimited) {
    if (value.isEmpty()) {
      return -1;
    }
    for (int at = line.indexOf(value, from); at >= 0; at = line.indexOf(value, at + 1)) {
      if (!delimited) {
        return at;
      }
      char before = at == 0 ? ' ' : line.charAt(at - 1);
      int after = at + value.length();
      char next = after >= line.length() ? ' ' : line.charAt(after);
      if ("(<\"' \t[=".indexOf(before) >= 0 && ")>\"' \t]".indexOf(next) >= 0) {
        return at;
      }
    }
    return -1;
  }
}
