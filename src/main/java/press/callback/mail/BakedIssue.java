package press.callback.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import press.callback.diag.ContentException;
import press.callback.diag.Diagnostic;

/**
 * An issue as the bake left it in the newsletter folder, {@code <id>/email.eml}: its id (the
 * folder's name, which is what {@code press send} takes) and its date.
 *
 * <p>The date is read from the message's Date header, in the header's own offset: the bake writes
 * there the issue's date (its front matter's {@code date}) at the send time in the site's zone,
 * so the baked email alone says which day it is for, whatever its file is called. Only the
 * headers are read.
 *
 * @param id the issue's folder name ({@code 2026-11-30})
 * @param date the day it is for
 */
public record BakedIssue(String id, LocalDate date) {
  /** The file in each issue's folder that holds its message. */
  public static final String FILE = "email.eml";

  /**
   * Every issue in {@code folder}, sorted by date then id. Folders without an {@code email.eml}
   * and the list's own emails (no List-Id) are left out.
   *
   * @throws ContentException if the folder does not exist, or naming every email whose date
   *     cannot be read
   */
  public static List<BakedIssue> list(Path folder) throws ContentException {
    if (!Files.isDirectory(folder)) {
      throw new ContentException(Diagnostic.error(folder.toString(), 0, 0, "no baked newsletter here",
          "run mvn package (or press bake) first, or name the folder with --newsletter DIR"));
    }
    List<Path> emails = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(folder, Files::isDirectory)) {
      for (Path dir : dirs) {
        if (Files.isRegularFile(dir.resolve(FILE))) {
          emails.add(dir.resolve(FILE));
        }
      }
    } catch (IOException e) {
      throw new ContentException(Diagnostic.error(folder.toString(), 0, 0, "cannot list the folder: " + e.getMessage(),
          "check its permissions"));
    }
    emails.sort(null); // the listing's order is the file system's
    List<BakedIssue> issues = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    for (Path eml : emails) {
      try {
        read(eml.getParent().getFileName().toString(), eml).ifPresent(issues::add);
      } catch (ContentException e) {
        problems.addAll(e.diagnostics());
      }
    }
    if (!problems.isEmpty()) {
      throw new ContentException(problems);
    }
    issues.sort(Comparator.comparing(BakedIssue::date).thenComparing(BakedIssue::id));
    return List.copyOf(issues);
  }

  /**
   * The issue whose message is {@code eml}; empty if it is one of the list's own emails.
   *
   * @throws ContentException if the file cannot be read or has no valid Date header
   */
  public static Optional<BakedIssue> read(String id, Path eml) throws ContentException {
    InternetHeaders headers;
    try (InputStream in = Files.newInputStream(eml)) {
      headers = new InternetHeaders(in);
    } catch (IOException | MessagingException e) {
      throw new ContentException(Diagnostic.error(eml.toString(), 0, 0, "cannot read the email: " + e.getMessage(),
          "bake the issue again with press bake"));
    }
    if (headers.getHeader("List-Id", null) == null) {
      return Optional.empty();
    }
    String date = headers.getHeader("Date", null);
    if (date == null) {
      throw new ContentException(Diagnostic.error(eml.toString(), 0, 0, "the email has no Date header",
          "bake the issue again with press bake"));
    }
    try {
      return Optional.of(new BakedIssue(id,
          ZonedDateTime.parse(MimeUtility.unfold(date).strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate()));
    } catch (DateTimeParseException e) {
      throw new ContentException(Diagnostic.error(eml.toString(), 0, 0, "the email's Date header is not a date: " + date,
          "bake the issue again with press bake"));
    }
  }
}
