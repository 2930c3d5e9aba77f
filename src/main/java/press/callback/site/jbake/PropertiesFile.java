package press.callback.site.jbake;

import java.util.ArrayList;
import java.util.List;

/**
 * The keys of a {@code .properties} text and where each one is: what {@link java.util.Properties}
 * and JBake's reader forget. Reads the format's rules: {@code #} and {@code !} comments, a key
 * ended by an unescaped {@code =}, {@code :} or white space, a line continued by an odd number of
 * trailing backslashes, and backslash escapes in keys.
 */
final class PropertiesFile {
  private PropertiesFile() {}

  /**
   * One {@code key=value} entry.
   *
   * @param key the key, escapes resolved
   * @param line the 1-based line it starts on
   * @param keyColumn the 1-based column of the key's first character
   * @param valueColumn the 1-based column of the value's first character on {@code line} (one past
   *     the line's end when the value starts on a continuation line or is empty)
   * @param text the text of {@code line}, for the diagnostic's source line
   */
  record Entry(String key, int line, int keyColumn, int valueColumn, String text) {}

  /** The entries of {@code text}, in file order (a key set twice appears twice). */
  static List<Entry> entries(String text) {
    List<String> lines = text.lines().toList();
    List<Entry> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (isCommentOrBlank(line)) {
        continue; // a comment never continues on the next line
      }
      int number = i + 1;
      // The logical line, as JBake's reader (commons-configuration) joins it: without the
      // backslash, the next lines' leading blanks dropped, blank and comment lines skipped.
      // Like that reader, looks at each physical line's own backslashes (linear, whatever the file).
      StringBuilder logical = new StringBuilder(line);
      boolean continued = continues(line);
      while (continued && i + 1 < lines.size()) {
        logical.setLength(logical.length() - 1);
        String next = lines.get(++i);
        if (isCommentOrBlank(next)) {
          logical.append('\\'); // skipped: the line still goes on
        } else {
          logical.append(next, skipBlanks(next, 0), next.length());
          continued = continues(next);
        }
      }
      if (continued) {
        break; // the file ends in a backslash: JBake's reader drops that last line
      }
      out.add(entry(logical.toString(), line, number));
    }
    return out;
  }

  /** The entry of a logical line whose first physical line is {@code first}. */
  private static Entry entry(String logical, String first, int number) {
    int start = skipBlanks(logical, 0);
    StringBuilder key = new StringBuilder();
    int at = start;
    while (at < logical.length()) {
      char c = logical.charAt(at);
      if (c == '=' || c == ':' || isBlank(c)) {
        break;
      }
      if (c == '\\' && at + 1 < logical.length()) {
        at = unescape(logical, at + 1, key);
      } else {
        key.append(c);
        at++;
      }
    }
    int value = skipBlanks(logical, at);
    if (value < logical.length() && (logical.charAt(value) == '=' || logical.charAt(value) == ':')) {
      value = skipBlanks(logical, value + 1);
    }
    return new Entry(key.toString(), number, start + 1, Math.min(value, first.length()) + 1, first);
  }

  /** Reads the escape after a backslash at {@code at}; returns the index after it. */
  private static int unescape(String line, int at, StringBuilder out) {
    char c = line.charAt(at);
    switch (c) {
      case 't' -> out.append('\t');
      case 'n' -> out.append('\n');
      case 'r' -> out.append('\r');
      case 'f' -> out.append('\f');
      case 'u' -> {
        if (at + 5 <= line.length() && line.substring(at + 1, at + 5).chars().allMatch(PropertiesFile::isHex)) {
          out.append((char) Integer.parseInt(line.substring(at + 1, at + 5), 16));
          return at + 5;
        }
        out.append('u');
      }
      default -> out.append(c);
    }
    return at + 1;
  }

  /** Whether the line ends in an odd number of backslashes: the next line continues it. */
  private static boolean continues(String line) {
    int n = 0;
    for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
      n++;
    }
    return n % 2 == 1;
  }

  private static boolean isCommentOrBlank(String line) {
    int start = skipBlanks(line, 0);
    return start == line.length() || line.charAt(start) == '#' || line.charAt(start) == '!';
  }

  private static int skipBlanks(String line, int at) {
    while (at < line.length() && isBlank(line.charAt(at))) {
      at++;
    }
    return at;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\f';
  }

  private static boolean isHex(int c) {
    return Character.digit(c, 16) >= 0;
  }
}
