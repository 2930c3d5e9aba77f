package press.callback.mail;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;

/**
 * Changes a subscriber's status in the CSV list. The file is rewritten beside itself and moved
 * into place, so an interrupted update never leaves half a list.
 */
public final class SubscriberUpdate {
  /** What an update did. */
  public enum Result {
    UPDATED,
    ALREADY,
    NOT_FOUND
  }

  private SubscriberUpdate() {}

  /** Marks every row of {@code address} (compared without case) unsubscribed. */
  public static Result unsubscribe(Path file, String address) throws ContentException {
    String key = address.toLowerCase(Locale.ROOT);
    List<String> header;
    List<List<String>> rows = new ArrayList<>();
    boolean found = false;
    boolean changed = false;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
      header = parser.getHeaderNames();
      int email = indexOf(header, "email");
      int status = indexOf(header, "status");
      if (email < 0 || status < 0) {
        throw new ContentException(Diagnostic.error(file.toString(), 1, 1, "the first row must name the columns email, name and status",
            "start the file with the line: email,name,status"));
      }
      for (CSVRecord r : parser) {
        List<String> row = new ArrayList<>(r.toList());
        while (row.size() < header.size()) {
          row.add("");
        }
        if (row.get(email).strip().toLowerCase(Locale.ROOT).equals(key)) {
          found = true;
          if (!row.get(status).strip().equalsIgnoreCase("unsubscribed")) {
            row.set(status, "unsubscribed");
            changed = true;
          }
        }
        rows.add(row);
      }
    } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
      throw new ContentException(Diagnostic.error(file.toString(), 0, 0, "cannot read the list: " + e.getMessage(),
          "check the path and the file's quoting"));
    }
    if (!found) {
      return Result.NOT_FOUND;
    }
    if (!changed) {
      return Result.ALREADY;
    }
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
        CSVPrinter printer = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get().print(out)) {
      printer.printRecord(header);
      for (List<String> row : rows) {
        printer.printRecord(row);
      }
    } catch (IOException e) {
      throw new ContentException(Diagnostic.error(file.toString(), 0, 0, "cannot write the list: " + e.getMessage(), "check the disk"));
    }
    try {
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new ContentException(Diagnostic.error(file.toString(), 0, 0, "cannot replace the list: " + e.getMessage(), "check the folder's permissions"));
    }
    return Result.UPDATED;
  }

  private static int indexOf(List<String> header, String name) {
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).strip().equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }
}
