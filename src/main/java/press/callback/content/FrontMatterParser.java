package press.callback.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;

/**
 * Splits a content file into front matter and body. Reads YAML between {@code ---} lines and
 * JBake's own {@code key=value} header ended by a separator line (by default {@code ~~~~~~}).
 *
 * <p>YAML is composed into nodes (not loaded into objects) so that every key and value keeps the
 * line and column it was written at, for diagnostics.
 */
public final class FrontMatterParser {
  private static final String YAML_FENCE = "---";
  private static final String BOM = "\uFEFF";
  /** Control characters reported one by one in a file; the rest are counted. */
  private static final int MAX_CONTROL_REPORTS = 20;
  /** The front matter of one file is small; a huge one is a mistake, not content. */
  private static final int MAX_YAML_CHARS = 64 * 1024;

  private final String jbakeSeparator;

  /** A parser that also accepts JBake headers ended by {@code jbakeSeparator}. */
  public FrontMatterParser(String jbakeSeparator) {
    this.jbakeSeparator = jbakeSeparator;
  }

  /** A parser for JBake's default separator {@code ~~~~~~}. */
  public FrontMatterParser() {
    this("~~~~~~");
  }

  /**
   * Parses one file's text.
   *
   * @param path the file relative to the project, used in diagnostics
   * @param text the whole file
   * @throws ContentException if the front matter cannot be read
   */
  public SourceFile parse(String path, String text) throws ContentException {
    if (text.startsWith(BOM)) {
      text = text.substring(1);
    }
    refuseControlCharacters(path, text);
    boolean endsWithNewline = text.endsWith("\n");
    int firstEnd = text.indexOf('\n');
    if (stripCr(firstEnd < 0 ? text : text.substring(0, firstEnd)).strip().equals(YAML_FENCE)) {
      return parseYaml(path, text, splitLines(text), endsWithNewline);
    }
    // JBake's header: key=value lines (or empty ones) up to the separator line. Only those lines
    // are split off; the body is the rest of the text.
    List<String> header = new ArrayList<>();
    int at = 0;
    while (at < text.length()) {
      int end = text.indexOf('\n', at);
      String line = stripCr(end < 0 ? text.substring(at) : text.substring(at, end));
      if (line.equals(jbakeSeparator)) {
        int bodyStart = end < 0 ? text.length() : end + 1;
        return parseJbake(path, text, header, bodyStart, endsWithNewline);
      }
      if (!line.isEmpty() && !line.contains("=")) {
        break; // not a header
      }
      header.add(line);
      at = end < 0 ? text.length() : end + 1;
    }
    return new SourceFile(path, SourceFile.Header.NONE, Map.of(), text, 1, text);
  }

  /**
   * Control characters other than tab, line feed and carriage return (and the non-characters
   * U+FFFE and U+FFFF) have no place in text, and XML 1.0 cannot hold most of them: one in a body
   * made feed.xml and newsletter.xml ill-formed. Each is reported at its line and column.
   */
  private static void refuseControlCharacters(String path, String text) throws ContentException {
    List<Diagnostic> problems = null;
    int line = 1;
    int lineStart = 0;
    int more = 0;
    int lastLine = 0;
    Position firstUnreported = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        lineStart = i + 1;
        continue;
      }
      if (!isRefused(c)) {
        continue;
      }
      if (problems == null) {
        problems = new ArrayList<>();
      }
      if (problems.size() < MAX_CONTROL_REPORTS) {
        problems.add(
            Diagnostic.error(
                    path,
                    line,
                    i - lineStart + 1,
                    String.format(
                        java.util.Locale.ROOT,
                        "%s U+%04X in the text",
                        c >= '\uFFFE' ? "non-character" : "control character",
                        (int) c),
                    "delete it: only tabs and line breaks may be in a content file (XML feeds"
                        + " cannot hold the others)")
                .withSourceLine(lineAt(text, lineStart)));
      } else {
        if (firstUnreported == null) {
          firstUnreported = new Position(line, i - lineStart + 1);
        }
        more++;
        lastLine = line;
      }
    }
    if (problems == null) {
      return;
    }
    if (more > 0) {
      problems.add(
          Diagnostic.error(
              path,
              firstUnreported.line(),
              firstUnreported.column(),
              String.format(
                  java.util.Locale.ROOT,
                  "%,d more control characters, the last on line %,d",
                  more,
                  lastLine),
              ""));
    }
    throw new ContentException(problems);
  }

  private static boolean isRefused(char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
        || (c >= 0x7F && c <= 0x9F)
        || c == '\uFFFE'
        || c == '\uFFFF';
  }

  private static String lineAt(String text, int start) {
    int end = text.indexOf('\n', start);
    return stripCr(end < 0 ? text.substring(start) : text.substring(start, end));
  }

  private SourceFile parseYaml(String path, String text, List<String> lines, boolean endsWithNewline)
      throws ContentException {
    int close = -1;
    for (int i = 1; i < lines.size(); i++) {
      String l = lines.get(i).stripTrailing();
      if (l.equals(YAML_FENCE) || l.equals("...")) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      throw new ContentException(
          Diagnostic.error(
                  path,
                  1,
                  1,
                  "front matter opened with '---' is never closed",
                  "add a line with just '---' after the last front matter line")
              .withSourceLine(lines.get(0)));
    }
    String yaml = String.join("\n", lines.subList(1, close));
    if (yaml.length() > MAX_YAML_CHARS) {
      throw new ContentException(
          Diagnostic.error(
              path,
              1,
              1,
              "front matter is larger than " + MAX_YAML_CHARS / 1024 + " KB",
              "keep only short fields between the '---' lines; move long text into the body"));
    }
    Map<String, Field> fields = new YamlFields(path, lines).read(yaml);
    String body = joinFrom(lines, close + 1, endsWithNewline);
    return new SourceFile(path, SourceFile.Header.YAML, fields, body, close + 2, text);
  }

  private SourceFile parseJbake(
      String path, String text, List<String> lines, int bodyStart, boolean endsWithNewline) {
    int separator = lines.size();
    Map<String, Field> fields = new LinkedHashMap<>();
    for (int i = 0; i < separator; i++) {
      String line = lines.get(i);
      int eq = line.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = line.substring(0, eq).strip();
      String raw = line.substring(eq + 1);
      String value = raw.strip();
      Position keyAt = new Position(i + 1, indexOfNonSpace(line, 0) + 1);
      Position valueAt = new Position(i + 1, indexOfNonSpace(line, eq + 1) + 1);
      if (key.equals("tags")) {
        List<Object> tags = new ArrayList<>();
        List<Position> at = new ArrayList<>();
        int offset = eq + 1;
        for (String part : raw.split(",", -1)) {
          tags.add(part.strip());
          at.add(new Position(i + 1, indexOfNonSpace(line, offset) + 1));
          offset += part.length() + 1;
        }
        fields.put(key, new Field(key, tags, keyAt, valueAt, at));
      } else {
        fields.put(key, new Field(key, value, keyAt, valueAt, List.of()));
      }
    }
    // Line ends as they are, unless the file has carriage returns: then lines joined by \n.
    String body = text.indexOf('\r') < 0
        ? text.substring(bodyStart)
        : joinFrom(splitLines(text), separator + 1, endsWithNewline);
    return new SourceFile(path, SourceFile.Header.JBAKE, fields, body, separator + 2, text);
  }

  private static int indexOfNonSpace(String s, int from) {
    int i = from;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return Math.min(i, s.length());
  }

  static List<String> splitLines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines.add(stripCr(text.substring(start, i)));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      lines.add(stripCr(text.substring(start)));
    }
    return lines;
  }

  private static String stripCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  private static String joinFrom(List<String> lines, int from, boolean endsWithNewline) {
    if (from >= lines.size()) {
      return "";
    }
    String body = String.join("\n", lines.subList(from, lines.size()));
    return endsWithNewline ? body + "\n" : body;
  }
}
