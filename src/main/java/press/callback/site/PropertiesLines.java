package press.callback.site;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each key of a {@code .properties} file is written: its line, and the column its value
 * starts at. {@link java.util.Properties} and JBake's configuration read the values but forget the
 * lines; diagnostics about settings point at them. Follows the format's rules: {@code #} and
 * {@code !} comments, {@code =}, {@code :} or white space between key and value, a backslash at
 * the end of a line continuing the value on the next, backslash escapes in keys.
 */
final class PropertiesLines {
  /** Where a key is written: 1-based line and column of its first character, and of its value. */
  record Place(int line, int keyColumn, int valueColumn) {}

  private PropertiesLines() {}

  /** Each key's place; for a key written twice, the last (the one that counts). */
  static Map<String, Place> of(String text) {
    Map<String, Place> places = new LinkedHashMap<>();
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int start = 0;
      while (start < line.length() && isBlank(line.charAt(start))) {
        start++;
      }
      if (start == line.length() || line.charAt(start) == '#' || line.charAt(start) == '!') {
        continue; // a comment never goes on to the next line
      }
      int first = i;
      while (endsInContinuation(lines[i]) && i + 1 < lines.length) {
        i++; // the value goes on, on the next line
      }
      StringBuilder key = new StringBuilder();
      int at = start;
      while (at < line.length()) {
        char c = line.charAt(at);
        if (c == '\\' && at + 1 < line.length()) {
          key.append(line.charAt(at + 1));
          at += 2;
          continue;
        }
        if (c == '=' || c == ':' || isBlank(c)) {
          break;
        }
        key.append(c);
        at++;
      }
      int value = at;
      while (value < line.length() && isBlank(line.charAt(value))) {
        value++;
      }
      if (value < line.length() && (line.charAt(value) == '=' || line.charAt(value) == ':')) {
        value++;
        while (value < line.length() && isBlank(line.charAt(value))) {
          value++;
        }
      }
      places.put(key.toString(), new Place(first + 1, start + 1, value + 1));
    }
    return places;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\f';
  }

  private static boolean endsInContinuation(String line) {
    int backslashes = 0;
    for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }
}
