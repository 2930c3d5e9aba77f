package press.callback.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One line of a CSV list: its fields, read by Commons CSV as RFC 4180 with the spaces around a
 * field ignored, and where its quoting goes wrong. A line is a row: a field that would go on past
 * the line's end is a quoting error here, never a reason to read the next lines as part of it.
 */
final class CsvLine {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
      .setIgnoreSurroundingSpaces(true)
      .setTrim(true)
      .setIgnoreEmptyLines(false)
      .get();

  /** A line whose quoting cannot be read, and where. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;
    final int column;
    final String hint;

    Malformed(int column, String message, String hint) {
      super(message, null, false, false);
      this.column = column;
      this.hint = hint;
    }
  }

  /**
   * Where a column of the list is in each row, from the header row.
   *
   * @param name -1 if the list has no name column
   * @param count how many columns the header names
   */
  record Columns(int email, int name, int status, int count) {
    /** The columns named by a header row, if it names email and status, each once. */
    static Optional<Columns> of(List<String> header) {
      int[] at = {-1, -1, -1};
      List<String> wanted = List.of("email", "name", "status");
      for (int i = 0; i < header.size(); i++) {
        int w = wanted.indexOf(header.get(i).toLowerCase(Locale.ROOT));
        if (w >= 0) {
          if (at[w] >= 0) {
            return Optional.empty();
          }
          at[w] = i;
        }
      }
      return at[0] < 0 || at[2] < 0 ? Optional.empty() : Optional.of(new Columns(at[0], at[1], at[2], header.size()));
    }
  }

  /** Where one field lies in its line: its text, and its quotes if it has them (else -1). */
  private record Span(int start, int end, int openQuote, int closeQuote) {}

  private CsvLine() {}

  /**
   * A line of {@code fields}: a field is quoted when it holds a comma, a quote, a line break or
   * spaces at its ends (which reading would trim), so reading the line gives the fields back.
   */
  static String format(List<String> fields) {
    StringBuilder sb = new StringBuilder();
    for (String f : fields) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      boolean quote = f.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')
          || !f.equals(f.strip());
      sb.append(quote ? '"' + f.replace("\"", "\"\"") + '"' : f);
    }
    return sb.toString();
  }

  /** The line's fields, trimmed and unquoted. */
  static List<String> fields(String line) throws Malformed {
    try (CSVParser parser = CSVParser.parse(line, FORMAT)) {
      List<CSVRecord> records = parser.getRecords();
      if (records.size() == 1) {
        return records.get(0).toList();
      }
    } catch (IOException | UncheckedIOException e) {
      spans(line); // throws with the column of the problem
    }
    throw new Malformed(0, "the line's quoting cannot be read", "write the row as email,name,status and quote a field that holds a comma");
  }

  /**
   * The line with field {@code index} replaced by {@code value} (a word that needs no quotes) and
   * every other character kept: a quoted field stays quoted, the spaces around it stay, and a row
   * too short for the column is lengthened with empty fields.
   *
   * @throws Malformed if the line cannot be read, or cannot be changed without changing another field
   */
  static String withField(String line, int index, String value) throws Malformed {
    List<Span> spans = spans(line);
    String edited;
    if (index >= spans.size()) {
      edited = line + ",".repeat(index - spans.size() + 1) + value;
    } else {
      Span s = spans.get(index);
      if (s.openQuote() >= 0) {
        edited = line.substring(0, s.openQuote()) + '"' + value + '"' + line.substring(s.closeQuote() + 1);
      } else {
        int from = s.start();
        int to = s.end();
        while (from < to && line.charAt(from) <= ' ') {
          from++;
        }
        while (to > from && line.charAt(to - 1) <= ' ') {
          to--;
        }
        edited = line.substring(0, from) + value + line.substring(to);
      }
    }
    List<String> expected = new ArrayList<>(fields(line));
    while (expected.size() <= index) {
      expected.add("");
    }
    expected.set(index, value);
    if (!fields(edited).equals(expected)) {
      throw new Malformed(0, "press cannot change this row without changing its other fields", "edit this row by hand");
    }
    return edited;
  }

  /** Finds each field as Commons CSV reads it, to say where quoting goes wrong and where a field is. */
  private static List<Span> spans(String line) throws Malformed {
    List<Span> spans = new ArrayList<>();
    int n = line.length();
    int pos = 0;
    while (true) {
      int start = pos;
      int p = pos;
      while (p < n && line.charAt(p) != ',' && Character.isWhitespace(line.charAt(p))) {
        p++;
      }
      if (p < n && line.charAt(p) == '"') {
        int open = p;
        int close = -1;
        for (int q = open + 1; close < 0; ) {
          q = line.indexOf('"', q);
          if (q < 0) {
            throw new Malformed(open + 1, "a quote opens a field that does not close on this line",
                "close the quote on the same line (a field may not span lines; write a quote inside quotes as \"\")");
          }
          if (q + 1 < n && line.charAt(q + 1) == '"') {
            q += 2;
          } else {
            close = q;
          }
        }
        p = close + 1;
        while (p < n && line.charAt(p) != ',' && Character.isWhitespace(line.charAt(p))) {
          p++;
        }
        if (p < n && line.charAt(p) != ',') {
          throw new Malformed(p + 1, "text after the closing quote of a field",
              "put the whole field in quotes, and write a quote inside it as \"\"");
        }
        spans.add(new Span(start, p, open, close));
      } else {
        p = line.indexOf(',', pos);
        p = p < 0 ? n : p;
        spans.add(new Span(start, p, -1, -1));
      }
      if (p >= n) {
        return spans;
      }
      pos = p + 1;
    }
  }
}
