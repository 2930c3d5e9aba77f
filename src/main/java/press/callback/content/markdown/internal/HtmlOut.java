package press.callback.content.markdown.internal;

import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SubSequence;

/**
 * Where {@link DirectHtmlWriter} writes one document: the HTML, escaped as flexmark escapes it,
 * and, while the first paragraph is written, that paragraph's text as jsoup would read it back.
 */
final class HtmlOut {
  private final StringBuilder out;
  /** The first paragraph's text while it is written, or {@code null} when not collecting. */
  private StringBuilder plain;
  private boolean plainKnown = true;

  HtmlOut(int capacity) {
    this.out = new StringBuilder(capacity);
  }

  /** Appends markup as it is. */
  HtmlOut append(String markup) {
    out.append(markup);
    return this;
  }

  HtmlOut append(char c) {
    out.append(c);
    return this;
  }

  HtmlOut append(int number) {
    out.append(number);
    return this;
  }

  int length() {
    return out.length();
  }

  String from(int start) {
    return out.substring(start);
  }

  /** Starts collecting the text of what is written next (the first paragraph's). */
  void collectText() {
    plain = new StringBuilder();
  }

  /**
   * Stops collecting; the text collected as jsoup's {@code Element.text()} gives it, or {@code
   * null} if it held markup whose text this writer does not know.
   */
  String collectedText() {
    String text = plainKnown ? jsoupText(plain) : null;
    plain = null;
    return text;
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

  /** Ends the current line, unless nothing has been written on it. */
  void line() {
    int n = out.length();
    if (n > 0 && out.charAt(n - 1) != '\n') {
      out.append('\n');
    }
  }

  @Override
  public String toString() {
    return out.toString();
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
}
