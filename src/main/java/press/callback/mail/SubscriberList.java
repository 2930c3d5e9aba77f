package press.callback.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;

/**
 * Reads a subscriber list — CSV in UTF-8 with a header row {@code email,name,status} — one line at
 * a time, so a list of any length takes little memory. Each line is one row; blank lines are
 * ignored.
 *
 * <p>Two kinds of problems, both reported at their line as the file counts lines. A row that is
 * readable but wrong (an invalid address, an unknown status, a repeated address, compared without
 * case) is skipped with a warning; the rest of the list is good. A line that cannot be read (its
 * quoting, a field that would go on to the next lines, bytes that are not UTF-8) is an error: the
 * list is not what its author thinks, so once one is found no more rows are given out, and a send
 * must not start ({@link #errorCount()}).
 *
 * <p>The list is personal data: problems name the line, not the address.
 *
 * <p>Over 300 lines because the rules of a row (address, name, status, header) that it reads by
 * are also the ones the list's writers use ({@link #header}, {@link #row}, {@link #validAddress}):
 * kept in one class, reader and writers cannot disagree.
 */
public final class SubscriberList implements AutoCloseable, Iterable<Subscriber> {
  /** Errors reported one by one; more are counted in one last diagnostic. */
  static final int MAX_REPORTED_ERRORS = 20;

  private final String displayPath;
  private final ListLines lines;
  private final Consumer<Diagnostic> problems;
  private final CsvLine.Columns columns;
  private final Set<String> seen = new HashSet<>();
  private boolean iterated;
  private int errors;
  private int skipped;

  private SubscriberList(String displayPath, ListLines lines, Consumer<Diagnostic> problems, CsvLine.Columns columns) {
    this.displayPath = displayPath;
    this.lines = lines;
    this.problems = problems;
    this.columns = columns;
  }

  /**
   * A whole list as read once: every row given out, in file order, and how many rows were
   * skipped and lines could not be read (after the first such line no row is given out).
   */
  public record Rows(List<Subscriber> rows, int skipped, int errors) {}

  /**
   * Reads a whole list at once (a send reads it once and keeps it: what it counts is what it
   * sends to, whatever happens to the file meanwhile).
   *
   * @param problems receives a warning per skipped row and an error per unreadable line
   * @throws ContentException if the file cannot be read or has no {@code email} and {@code
   *     status} columns
   */
  public static Rows readAll(Path file, String displayPath, Consumer<Diagnostic> problems) throws ContentException {
    try (SubscriberList list = open(file, displayPath, problems)) {
      List<Subscriber> rows = new ArrayList<>();
      for (Subscriber s : list) {
        rows.add(s);
      }
      return new Rows(List.copyOf(rows), list.skippedCount(), list.errorCount());
    }
  }

  /**
   * Opens a list and reads its header row (its first line that is not blank).
   *
   * @param displayPath how diagnostics name the file
   * @param problems receives a warning per skipped row and an error per unreadable line
   * @throws ContentException if the file cannot be read or has no {@code email} and {@code
   *     status} columns
   */
  public static SubscriberList open(Path file, String displayPath, Consumer<Diagnostic> problems)
      throws ContentException {
    ListLines lines;
    try {
      lines = new ListLines(Files.newInputStream(file));
    } catch (IOException e) {
      throw new ContentException(Diagnostic.error(displayPath, 0, 0, "cannot read the subscriber list",
          "check the path given to --subscribers"));
    }
    try {
      ListLines.Line header = lines.next();
      while (header != null && header.isBlank()) {
        header = lines.next();
      }
      return new SubscriberList(displayPath, lines, problems, columns(displayPath, header));
    } catch (IOException e) {
      closeQuietly(lines);
      throw new ContentException(Diagnostic.error(displayPath, 0, 0, "cannot read the subscriber list: " + e.getMessage(),
          "check the file"));
    } catch (ContentException e) {
      closeQuietly(lines);
      throw e;
    }
  }

  /** The columns a header line names; {@code header} is null for an empty file. */
  static CsvLine.Columns columns(String displayPath, ListLines.Line header) throws ContentException {
    if (header != null) {
      var columns = CsvLine.Columns.of(fields(displayPath, header));
      if (columns.isPresent()) {
        return columns.get();
      }
    }
    throw new ContentException(Diagnostic.error(displayPath, header == null ? 1 : header.number(), 1,
        "the first row must name the columns email, name and status",
        "start the file with the line: email,name,status"));
  }

  /**
   * A line's fields.
   *
   * @throws ContentException with the error at its line and column if the line is not UTF-8 or
   *     its quoting cannot be read
   */
  static List<String> fields(String displayPath, ListLines.Line line) throws ContentException {
    if (line.text() == null) {
      throw new ContentException(Diagnostic.error(displayPath, line.number(), line.badColumn(),
          "this line is not UTF-8 (a byte that UTF-8 does not allow)",
          "save the file as UTF-8 (in Excel: Save As, CSV UTF-8)"));
    }
    try {
      return CsvLine.fields(line.text());
    } catch (CsvLine.Malformed m) {
      throw new ContentException(Diagnostic.error(displayPath, line.number(), m.column, m.getMessage(), m.hint));
    }
  }

  /** Lines that could not be read so far: if any, the list must not be used for a send. */
  public int errorCount() {
    return errors;
  }

  /** Rows skipped so far with a warning. */
  public int skippedCount() {
    return skipped;
  }

  /**
   * The valid rows, subscribed or not, first occurrence of each address only, up to the first
   * line that cannot be read (the lines after it are still read, for their problems). Iterate
   * once.
   */
  @Override
  public Iterator<Subscriber> iterator() {
    if (iterated) {
      throw new IllegalStateException("a subscriber list is read once");
    }
    iterated = true;
    return new Iterator<>() {
      private Subscriber next;
      private boolean done;

      @Override
      public boolean hasNext() {
        while (next == null && !done) {
          ListLines.Line line = read();
          if (line == null) {
            done = true;
            if (errors > MAX_REPORTED_ERRORS) {
              problems.accept(Diagnostic.error(displayPath, 0, 0,
                  (errors - MAX_REPORTED_ERRORS) + " more lines cannot be read", "fix the lines above first"));
            }
          } else if (!line.isBlank()) {
            Subscriber s = row(line);
            next = errors == 0 ? s : null;
          }
        }
        return next != null;
      }

      @Override
      public Subscriber next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Subscriber s = next;
        next = null;
        return s;
      }
    };
  }

  private ListLines.Line read() {
    try {
      return lines.next();
    } catch (IOException e) {
      error(Diagnostic.error(displayPath, 0, 0, "cannot read the list to its end: " + e.getMessage(), "check the file"));
      return null;
    }
  }

  private void error(Diagnostic d) {
    errors++;
    if (errors <= MAX_REPORTED_ERRORS) {
      problems.accept(d);
    }
  }

  private void skip(int line, String message, String hint) {
    skipped++;
    problems.accept(Diagnostic.warning(displayPath, line, 0, message, hint));
  }

  private Subscriber row(ListLines.Line source) {
    int line = source.number();
    List<String> r;
    try {
      r = fields(displayPath, source);
    } catch (ContentException e) {
      error(e.diagnostics().get(0));
      return null;
    }
    if (r.size() > columns.count() && r.subList(columns.count(), r.size()).stream().anyMatch(f -> !f.isEmpty())) {
      skip(line, "the row has " + r.size() + " fields; the first row names " + columns.count() + " columns",
          "put a name that holds a comma in quotes: \"Smith, John\"");
      return null;
    }
    String email = field(r, columns.email());
    String statusWord = field(r, columns.status()).toLowerCase(Locale.ROOT);
    String name = columns.name() < 0 ? "" : field(r, columns.name());
    if (email.isEmpty()) {
      skip(line, "row has no email address", "fill in the email column or delete the row");
      return null;
    }
    if (!validAddress(email)) {
      skip(line, "not a valid email address",
          "write a plain address such as name@example.org, without spaces or angle brackets");
      return null;
    }
    Subscriber.Status status;
    switch (statusWord) {
      case "subscribed" -> status = Subscriber.Status.SUBSCRIBED;
      case "unsubscribed" -> status = Subscriber.Status.UNSUBSCRIBED;
      case "bounced" -> status = Subscriber.Status.BOUNCED;
      case "complained" -> status = Subscriber.Status.COMPLAINED;
      default -> {
        skip(line, "unknown status '" + printable(statusWord) + "'", "use subscribed, unsubscribed, bounced or complained");
        return null;
      }
    }
    if (!seen.add(email.toLowerCase(Locale.ROOT))) {
      skip(line, "the same address appears on an earlier line", "keep one row per address");
      return null;
    }
    String greeting = cleanName(name);
    if (tooLong(greeting)) {
      problems.accept(Diagnostic.warning(displayPath, line, 0,
          "the name is longer than " + Subscriber.MAX_NAME + " characters; the greeting says '" + Personalizer.NO_NAME + "'",
          "shorten the name in the list"));
      greeting = "";
    }
    return new Subscriber(line, email, greeting, status);
  }

  private static String field(List<String> fields, int index) {
    return index < fields.size() ? fields.get(index) : "";
  }

  /** The header row of a list, with its line ending: what {@link #row} lines go under. */
  public static String header() {
    return "email,name,status\n";
  }

  /**
   * One row of a list, quoted where a field needs it (a comma, a quote), with its line ending. A
   * row is one line: control characters in the name (a line break) become spaces, as when read.
   */
  public static String row(String email, String name, String status) {
    return CsvLine.format(List.of(email, cleanName(name), status)) + "\n";
  }

  /** Strict RFC 822 address, no display name, no control characters. */
  public static boolean validAddress(String email) {
    if (email.chars().anyMatch(c -> c < 0x20 || c == 0x7f || Character.isWhitespace(c))) {
      return false;
    }
    try {
      InternetAddress a = new InternetAddress(email, true);
      a.validate();
      return a.getAddress().equals(email) && a.getPersonal() == null && email.indexOf('@') > 0;
    } catch (AddressException e) {
      return false;
    }
  }

  /** A name fit to print in a greeting: control characters (line breaks included) become spaces. */
  static String cleanName(String name) {
    return name.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ").replaceAll("\\s+", " ").strip();
  }

  /**
   * The name to greet and to put in the To header: {@link #cleanName cleaned}, or empty if it is
   * longer than {@link Subscriber#MAX_NAME} characters (a header line may not exceed 998 octets).
   */
  static String greetingName(String name) {
    String clean = cleanName(name);
    return tooLong(clean) ? "" : clean;
  }

  private static boolean tooLong(String name) {
    return name.length() > Subscriber.MAX_NAME && name.codePointCount(0, name.length()) > Subscriber.MAX_NAME;
  }

  private static String printable(String s) {
    String clean = s.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 20 ? clean.substring(0, 20) + "…" : clean;
  }

  @Override
  public void close() {
    closeQuietly(lines);
  }

  private static void closeQuietly(ListLines lines) {
    try {
      lines.close();
    } catch (IOException e) {
      // only read from: nothing is lost
    }
  }
}
