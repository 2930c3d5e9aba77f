package press.callback.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;

/**
 * Changes a subscriber's status in the CSV list, and nothing else: only the status field of the
 * address's rows changes; every other byte (other rows, quoting, spaces, blank lines, line
 * endings, a byte order mark, a missing last line ending) stays as it was. The file is replaced
 * as {@link FileRewrite} promises: atomically, through a symbolic link, keeping its mode and owner.
 */
public final class SubscriberUpdate {
  /** What an update did. */
  public enum Result {
    UPDATED,
    ALREADY,
    NOT_FOUND
  }

  private static final String UNSUBSCRIBED = "unsubscribed";

  private SubscriberUpdate() {}

  /**
   * Marks every row of {@code address} (compared without case) unsubscribed. A list with a line
   * that cannot be read is left unchanged: which row holds the address is then not certain.
   *
   * @param locks the process's locks, which keep updates of one file from overlapping
   */
  public static Result unsubscribe(Path file, String address, ProcessLocks locks) throws ContentException {
    String display = file.toString();
    Result[] result = {Result.NOT_FOUND};
    FileRewrite.rewrite(file, display, current -> {
      byte[] edited = edit(current, address.toLowerCase(Locale.ROOT), display, result);
      return result[0] == Result.UPDATED ? edited : null;
    }, locks);
    return result[0];
  }

  private static byte[] edit(byte[] current, String key, String display, Result[] result) throws ContentException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(current.length + 16);
    List<Diagnostic> errors = new ArrayList<>();
    CsvLine.Columns columns = null;
    try (ListLines lines = new ListLines(new ByteArrayInputStream(current))) {
      for (ListLines.Line line = lines.next(); line != null; line = lines.next()) {
        byte[] replaced = null;
        if (columns == null && !line.isBlank()) {
          columns = SubscriberList.columns(display, line);
        } else if (!line.isBlank()) {
          try {
            replaced = replace(line, columns, key, display, result);
          } catch (ContentException e) {
            errors.addAll(e.diagnostics());
          }
        }
        out.writeBytes(replaced != null ? replaced : line.bytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading an array
    }
    if (columns == null) {
      SubscriberList.columns(display, null); // throws: the list has no header row
    }
    if (!errors.isEmpty()) {
      throw new ContentException(errors);
    }
    return out.toByteArray();
  }

  /** The line with its status changed, if it is a row of the address not yet unsubscribed; else null. */
  private static byte[] replace(ListLines.Line line, CsvLine.Columns columns, String key, String display, Result[] result)
      throws ContentException {
    List<String> fields = SubscriberList.fields(display, line);
    try {
      if (columns.email() >= fields.size() || !fields.get(columns.email()).toLowerCase(Locale.ROOT).equals(key)) {
        return null;
      }
      String status = columns.status() < fields.size() ? fields.get(columns.status()) : "";
      if (status.equalsIgnoreCase(UNSUBSCRIBED)) {
        if (result[0] == Result.NOT_FOUND) {
          result[0] = Result.ALREADY;
        }
        return null;
      }
      result[0] = Result.UPDATED;
      ByteArrayOutputStream edited = new ByteArrayOutputStream(line.bytes().length + 16);
      edited.writeBytes(CsvLine.withField(line.text(), columns.status(), UNSUBSCRIBED).getBytes(StandardCharsets.UTF_8));
      edited.writeBytes(line.ending());
      return edited.toByteArray();
    } catch (CsvLine.Malformed m) {
      throw new ContentException(Diagnostic.error(display, line.number(), m.column, m.getMessage(), m.hint));
    }
  }
}
