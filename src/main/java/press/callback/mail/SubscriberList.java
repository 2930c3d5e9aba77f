package press.callback.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;

/**
 * Reads a subscriber list — CSV with a header row {@code email,name,status} — one row at a time,
 * so a list of any length takes little memory. Invalid rows and repeated addresses (compared
 * without case) are reported with their line and skipped; they never stop the reading.
 *
 * <p>The list is personal data: problems name the line, not the address.
 */
public final class SubscriberList implements AutoCloseable, Iterable<Subscriber> {
  private final String displayPath;
  private final CSVParser parser;
  private final Consumer<Diagnostic> problems;
  private final boolean hasName;
  private final Set<String> seen = new HashSet<>();
  private boolean iterated;

  private SubscriberList(String displayPath, CSVParser parser, Consumer<Diagnostic> problems, boolean hasName) {
    this.displayPath = displayPath;
    this.parser = parser;
    this.problems = problems;
    this.hasName = hasName;
  }

  /**
   * Opens a list.
   *
   * @param displayPath how diagnostics name the file
   * @param problems receives a diagnostic per skipped row
   * @throws ContentException if the file cannot be read or has no {@code email} and {@code
   *     status} columns
   */
  public static SubscriberList open(Path file, String displayPath, Consumer<Diagnostic> problems)
      throws ContentException {
    BufferedReader reader;
    try {
      reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ContentException(Diagnostic.error(displayPath, 0, 0, "cannot read the subscriber list",
          "check the path given to --subscribers"));
    }
    try {
      CSVParser parser = CSVFormat.RFC4180.builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreSurroundingSpaces(true)
          .setIgnoreEmptyLines(true)
          .setIgnoreHeaderCase(true)
          .setTrim(true)
          .get()
          .parse(reader);
      Map<String, Integer> header = parser.getHeaderMap();
      if (header == null || !header.containsKey("email") || !header.containsKey("status")) {
        parser.close();
        throw new ContentException(Diagnostic.error(displayPath, 1, 1,
            "the first row must name the columns email, name and status",
            "start the file with the line: email,name,status"));
      }
      return new SubscriberList(displayPath, parser, problems, header.containsKey("name"));
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      throw new ContentException(Diagnostic.error(displayPath, 1, 1,
          "cannot read the header row: " + e.getMessage(), "start the file with the line: email,name,status"));
    }
  }

  /** The valid rows, subscribed or not, first occurrence of each address only. Iterate once. */
  @Override
  public Iterator<Subscriber> iterator() {
    if (iterated) {
      throw new IllegalStateException("a subscriber list is read once");
    }
    iterated = true;
    Iterator<CSVRecord> records = parser.iterator();
    return new Iterator<>() {
      private Subscriber next;

      @Override
      public boolean hasNext() {
        while (next == null) {
          CSVRecord r;
          try {
            if (!records.hasNext()) {
              return false;
            }
            r = records.next();
          } catch (UncheckedIOException | IllegalStateException e) {
            problems.accept(Diagnostic.error(displayPath, (int) parser.getCurrentLineNumber(), 0,
                "the list cannot be read past this line: " + e.getMessage(), "fix the quoting on this line"));
            return false;
          }
          next = row(r);
        }
        return true;
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

  private Subscriber row(CSVRecord r) {
    int line = (int) parser.getCurrentLineNumber(); // the line the row ends on
    if (!r.isConsistent() && r.size() < 2) {
      problems.accept(Diagnostic.error(displayPath, line, 0, "row has too few columns",
          "write email,name,status on each line"));
      return null;
    }
    String email = r.isMapped("email") && r.isSet("email") ? r.get("email") : "";
    String statusWord = r.isSet("status") ? r.get("status").toLowerCase(Locale.ROOT) : "";
    String name = hasName && r.isSet("name") ? r.get("name") : "";
    if (email.isEmpty()) {
      problems.accept(Diagnostic.error(displayPath, line, 0, "row has no email address", "fill in the email column or delete the row"));
      return null;
    }
    if (!validAddress(email)) {
      problems.accept(Diagnostic.error(displayPath, line, 0, "not a valid email address",
          "write a plain address such as name@example.org, without spaces or angle brackets"));
      return null;
    }
    Subscriber.Status status;
    switch (statusWord) {
      case "subscribed" -> status = Subscriber.Status.SUBSCRIBED;
      case "unsubscribed" -> status = Subscriber.Status.UNSUBSCRIBED;
      case "bounced" -> status = Subscriber.Status.BOUNCED;
      default -> {
        problems.accept(Diagnostic.error(displayPath, line, 0, "unknown status '" + printable(statusWord) + "'",
            "use subscribed, unsubscribed or bounced"));
        return null;
      }
    }
    Subscriber s = new Subscriber(line, email, cleanName(name), status);
    if (!seen.add(s.key())) {
      problems.accept(Diagnostic.error(displayPath, line, 0, "the same address appears on an earlier line",
          "keep one row per address"));
      return null;
    }
    return s;
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

  private static String printable(String s) {
    String clean = s.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 20 ? clean.substring(0, 20) + "…" : clean;
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
