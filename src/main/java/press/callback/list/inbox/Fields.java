package press.callback.list.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Header-style fields ({@code Name: value}, folded lines joined), as a message's header and the
 * blocks of a {@code message/delivery-status} or {@code message/feedback-report} part are written.
 * Lenient: a line that is no field is skipped.
 */
final class Fields {
  private final List<String[]> fields;

  private Fields(List<String[]> fields) {
    this.fields = fields;
  }

  static final Fields EMPTY = new Fields(List.of());

  /** The blocks of {@code text}, separated by blank lines (empty blocks left out). */
  static List<Fields> blocks(String text) {
    List<Fields> out = new ArrayList<>();
    List<String[]> current = new ArrayList<>();
    for (String line : text.split("\r?\n", -1)) {
      if (line.isBlank()) {
        if (!current.isEmpty()) {
          out.add(new Fields(current));
          current = new ArrayList<>();
        }
      } else {
        add(current, line);
      }
    }
    if (!current.isEmpty()) {
      out.add(new Fields(current));
    }
    return out;
  }

  /** The fields of {@code text} up to its first blank line (a message's header). */
  static Fields header(String text) {
    List<String[]> current = new ArrayList<>();
    int from = 0;
    while (from < text.length()) {
      int nl = text.indexOf('\n', from);
      int end = nl < 0 ? text.length() : nl;
      int stop = end > from && text.charAt(end - 1) == '\r' ? end - 1 : end;
      if (stop == from) {
        break;
      }
      add(current, text.substring(from, stop));
      from = end + 1;
    }
    return new Fields(current);
  }

  private static void add(List<String[]> fields, String line) {
    if ((line.startsWith(" ") || line.startsWith("\t")) && !fields.isEmpty()) {
      String[] last = fields.get(fields.size() - 1);
      last[1] = last[1] + " " + line.strip();
      return;
    }
    int colon = line.indexOf(':');
    if (colon <= 0 || line.substring(0, colon).contains(" ")) {
      return;
    }
    fields.add(new String[] {line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).strip()});
  }

  /** The first value of field {@code name}, or {@code null}. */
  String get(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (String[] f : fields) {
      if (f[0].equals(n)) {
        return f[1];
      }
    }
    return null;
  }

  /** Every value of field {@code name}, in order. */
  List<String> all(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    for (String[] f : fields) {
      if (f[0].equals(n)) {
        out.add(f[1]);
      }
    }
    return out;
  }

  boolean isEmpty() {
    return fields.isEmpty();
  }
}
