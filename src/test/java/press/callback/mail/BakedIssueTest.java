package press.callback.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.diag.ContentException;

/** Reading the baked issues' dates from their emails' Date headers. */
class BakedIssueTest {
  @TempDir Path newsletter;

  private void issue(String folder, String date) throws Exception {
    write(folder, new Envelope("Weekly <w@x.test>", "", "An issue", ZonedDateTime.parse(date), folder + ".a@x.test",
        "Weekly <weekly.x.test>", "https://x.test/u/{{token}}", "mailto:u@x.test?subject={{token}}"));
  }

  private void write(String folder, Envelope envelope) throws Exception {
    Path eml = newsletter.resolve(folder).resolve(BakedIssue.FILE);
    Files.createDirectories(eml.getParent());
    Files.write(eml, MimeWriter.write(envelope, "Hi {{name}},\n", "<p>Hi {{name}},</p>\n"));
  }

  @Test
  void readsEachIssuesDateInItsOwnOffsetAndSortsByDate() throws Exception {
    issue("2026-12-07", "2026-12-07T23:30-05:00[America/New_York]"); // the 8th in UTC
    issue("first", "2026-11-30T08:00Z[UTC]");
    issue("2026-11-02", "2026-11-02T08:00+01:00[Europe/Paris]");
    assertThat(BakedIssue.list(newsletter)).containsExactly(
        new BakedIssue("2026-11-02", LocalDate.of(2026, 11, 2)),
        new BakedIssue("first", LocalDate.of(2026, 11, 30)),
        new BakedIssue("2026-12-07", LocalDate.of(2026, 12, 7)));
  }

  @Test
  void leavesOutTheListsEmailsAndFoldersWithoutAnEmail() throws Exception {
    issue("2026-11-30", "2026-11-30T08:00Z[UTC]");
    write("confirm", Envelope.transactional("Weekly <w@x.test>", "", "Confirm", ZonedDateTime.parse("2026-11-27T08:00Z[UTC]"),
        "list-confirm.a@x.test"));
    issue("list/welcome", "2026-11-27T08:00Z[UTC]"); // the list's folder holds emails one level down
    Files.createDirectories(newsletter.resolve("empty"));
    assertThat(BakedIssue.list(newsletter)).containsExactly(new BakedIssue("2026-11-30", LocalDate.of(2026, 11, 30)));
  }

  @Test
  void reportsEveryEmailWhoseDateCannotBeRead() throws Exception {
    issue("2026-11-30", "2026-11-30T08:00Z[UTC]");
    Path noDate = newsletter.resolve("2026-12-07").resolve(BakedIssue.FILE);
    Files.createDirectories(noDate.getParent());
    Files.writeString(noDate, "List-Id: Weekly <weekly.x.test>\r\nSubject: x\r\n\r\nbody\r\n");
    Path badDate = newsletter.resolve("2026-12-14").resolve(BakedIssue.FILE);
    Files.createDirectories(badDate.getParent());
    Files.writeString(badDate, "List-Id: Weekly <weekly.x.test>\r\nDate: next Monday\r\n\r\nbody\r\n");
    assertThatThrownBy(() -> BakedIssue.list(newsletter))
        .isInstanceOfSatisfying(ContentException.class, e -> assertThat(e.diagnostics())
            .extracting(d -> d.format())
            .containsExactly(
                noDate + ": error: the email has no Date header\n  hint: bake the issue again with press bake",
                badDate + ": error: the email's Date header is not a date: next Monday\n"
                    + "  hint: bake the issue again with press bake"));
  }
}
