package press.callback.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.list.JdbcListStore;
import press.callback.list.ListStatus;
import press.callback.list.ListStore;
import press.callback.list.Tokens;

/**
 * {@code press list import|export|stats|forget} and {@code press unsubscribe} on the list's
 * database, run through {@link Main} on real files: an SQLite database in a temporary project.
 */
class ListCommandTest {
  /** A Wednesday. */
  static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");

  @TempDir Path project;

  record Run(int exit, String out, String err) {}

  Run press(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = new Main(new PrintWriter(out), new PrintWriter(err), Clock.fixed(NOW, ZoneOffset.UTC),
        Map.of(), false).run(args);
    return new Run(exit, out.toString(), err.toString());
  }

  Path csv(String name, String text) throws Exception {
    Path file = project.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  JdbcListStore store() {
    return JdbcListStore.open("jdbc:sqlite:.press/list.db", project, null);
  }

  @Test
  void importKeepsStatusesAndReportsEverySkippedRowAtItsLine() throws Exception {
    Path file = csv("subscribers.csv", "\uFEFFemail,name,status\n"
        + "ann@example.org,Ann,subscribed\n"
        + "\"bob@example.org\",\"Bob, Jr.\",unsubscribed\n"
        + "not an address,X,subscribed\n"
        + "cat@example.org,,bounced\n"
        + "dan@example.org,Dan,on-hold\n"
        + "eve@example.org,Eve,complained\n"
        + "ANN@example.org,Ann again,subscribed\n");

    Run r = press("list", "import", file.toString(), "--source", project.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("press: imported " + file + ": 4 added, 0 updated, 0 unchanged, 3 skipped\n");
    assertThat(r.err()).contains(file + ":4: warning: not a valid email address",
        file + ":6: warning: unknown status 'on-hold'", file + ":8: warning: the same address appears on an earlier line");
    try (JdbcListStore store = store()) {
      assertThat(store.byAddress("ann@example.org").orElseThrow().status()).isEqualTo(ListStatus.SUBSCRIBED);
      assertThat(store.byAddress("bob@example.org").orElseThrow().name()).isEqualTo("Bob, Jr.");
      assertThat(store.byAddress("bob@example.org").orElseThrow().status()).isEqualTo(ListStatus.UNSUBSCRIBED);
      assertThat(store.byAddress("cat@example.org").orElseThrow().status()).isEqualTo(ListStatus.BOUNCED);
      assertThat(store.byAddress("eve@example.org").orElseThrow().status()).isEqualTo(ListStatus.COMPLAINED);
      assertThat(store.counts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(4);
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(project.resolve(".press/list.db"))))
        .isEqualTo("rw-------");
  }

  @Test
  void importingAgainUpdatesAndLeavesAlone() throws Exception {
    press("list", "import", csv("a.csv", "email,name,status\nann@example.org,Ann,subscribed\nbob@example.org,Bob,subscribed\n").toString(),
        "--source", project.toString());

    Run r = press("list", "import", csv("b.csv", "email,name,status\nann@example.org,Ann,subscribed\n"
        + "bob@example.org,Bob,unsubscribed\ncat@example.org,Cat,subscribed\n").toString(), "--source", project.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).endsWith(": 1 added, 1 updated, 1 unchanged, 0 skipped\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void importSkipsAnAddressDeletedOnRequest() throws Exception {
    try (JdbcListStore store = store()) {
      store.put("ann@example.org", "", ListStatus.SUBSCRIBED, NOW, "import");
      store.forget(store.byAddress("ann@example.org").orElseThrow().id(), NOW);
    }
    Path file = csv("list.csv", "email,name,status\nbob@example.org,,subscribed\nAnn@Example.org,Ann,subscribed\n");

    Run r = press("list", "import", file.toString(), "--source", project.toString());

    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEqualTo(file + ":3: warning: skipped: the address was deleted on request\n"
        + "  hint: a deleted address is never added back; remove the row\n");
    assertThat(r.out()).endsWith(": 1 added, 0 updated, 0 unchanged, 1 skipped\n");
    try (JdbcListStore store = store()) {
      assertThat(store.byAddress("ann@example.org")).isEmpty();
    }
  }

  @Test
  void importsNothingFromAFileWithALineItCannotRead() throws Exception {
    Path file = csv("list.csv", "email,name,status\nann@example.org,Ann,subscribed\nbob@example.org,\"Bob,subscribed\n");

    Run r = press("list", "import", file.toString(), "--source", project.toString());

    assertThat(r.exit()).isEqualTo(ExitCodes.CONTENT);
    assertThat(r.err()).contains(file + ":3:17: error: a quote opens a field that does not close on this line",
        "press: nothing imported: 1 line of " + file + " cannot be read");
    assertThat(project.resolve(".press/list.db")).as("no database made for nothing").doesNotExist();
  }

  @Test
  void exportWritesTheCsvThatImportReads() throws Exception {
    try (JdbcListStore store = store()) {
      store.put("ann@example.org", "Ann", ListStatus.SUBSCRIBED, NOW, "import");
      store.put("bob@example.org", "Bob, \"Jr.\"", ListStatus.UNSUBSCRIBED, NOW.plusSeconds(1), "import");
      store.put("eve@example.org", "", ListStatus.COMPLAINED, NOW.plusSeconds(2), "import");
      store.signup(new ListStore.Signup("new@example.org", "New", Tokens.hash("t"), NOW, NOW.plus(Duration.ofDays(7)), "form"),
          ListStore.Limits.DEFAULT);
    }
    String expected = "email,name,status\nann@example.org,Ann,subscribed\n"
        + "bob@example.org,\"Bob, \"\"Jr.\"\"\",unsubscribed\neve@example.org,,complained\n";

    Run toStdout = press("list", "export", "--source", project.toString());
    Path file = project.resolve("out/list.csv");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    Run toFile = press("list", "export", file.toString(), "--source", project.toString());

    assertThat(toStdout.exit()).as(toStdout.err()).isZero();
    assertThat(toStdout.out()).isEqualTo(expected);
    assertThat(toStdout.err()).isEqualTo("press: exported 3 addresses; 1 pending sign-ups (not confirmed) left out\n");
    assertThat(toFile.exit()).isZero();
    assertThat(toFile.out()).isEmpty();
    assertThat(Files.readString(file)).isEqualTo(expected);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    try (var left = Files.list(file.getParent())) {
      assertThat(left).as("no temporary file left").containsExactly(file);
    }

    Path other = Files.createDirectories(project.resolve("other"));
    Run back = press("list", "import", file.toString(), "--source", other.toString());
    assertThat(back.out()).endsWith(": 3 added, 0 updated, 0 unchanged, 0 skipped\n");
    assertThat(press("list", "export", "--source", other.toString()).out()).isEqualTo(expected);
  }

  @Test
  void statsGivesEachSentIssuesBounceAndComplaintRatesAndWarns() throws Exception {
    Instant monday = Instant.parse("2026-03-02T08:00:00Z");
    try (JdbcListStore store = store()) {
      store.database().transaction(c -> {
        try (var p = c.prepareStatement("INSERT INTO send_ledger (issue, destination, recipient, state, detail, at) VALUES (?, ?, ?, ?, '', 0)")) {
          for (int i = 0; i < 1_000; i++) {
            p.setString(1, "2026-02-23");
            p.setString(2, "smtp-mail.example.org-587");
            p.setString(3, "r" + i + "@example.org");
            p.setString(4, i < 990 ? "sent" : "failed");
            p.addBatch();
            p.setString(2, "pickup");
            p.setString(4, "sent");
            p.addBatch();
          }
          p.executeBatch();
        }
        return null;
      });
      for (int i = 0; i < 33; i++) {
        store.feedback(new press.callback.list.Feedback(i < 30 ? press.callback.list.Feedback.Kind.HARD_BOUNCE
            : press.callback.list.Feedback.Kind.COMPLAINT, 0, "r" + i + "@example.org", "2026-02-23", "k" + i, monday, "", "inbox"),
            press.callback.list.Feedback.Policy.DEFAULT);
      }
      store.feedback(new press.callback.list.Feedback(press.callback.list.Feedback.Kind.SOFT_BOUNCE, 0, "x@example.org", "2026-03-02",
          "soft", monday, "", "inbox"), press.callback.list.Feedback.Policy.DEFAULT);
    }
    java.nio.file.Path ledgers = project.resolve(".press/ledger");
    java.nio.file.Files.createDirectories(ledgers);
    StringBuilder file = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      file.append("2026-03-02T08:00:00Z\tsending\ts").append(i).append("@example.org\t\n");
      file.append("2026-03-02T08:00:01Z\tsent\ts").append(i).append("@example.org\t250 ok\n");
    }
    java.nio.file.Files.writeString(ledgers.resolve("2026-03-02.smtp-mail.example.org-587.log"), file);
    java.nio.file.Files.writeString(ledgers.resolve("2026-03-02.pickup.log"), file);

    Run r = press("list", "stats", "--source", project.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).endsWith("""

        issue           sent   hard   soft  complaints  bounced  complained
        2026-02-23       990     30      0           3    3.03%      0.303%
          warning: complaints at or above 0.3%: Gmail may refuse the list's mail; hard bounces above 2%: the list holds dead addresses
        2026-03-02       500      0      1           0    0.00%      0.000%
        """);
  }

  @Test
  void statsCountsStatusesAndTheLastEightWeeks() {
    Instant monday = Instant.parse("2026-03-02T00:00:00Z");
    try (JdbcListStore store = store()) {
      store.put("a@example.org", "", ListStatus.SUBSCRIBED, monday.minus(Duration.ofDays(70)), "import");
      store.put("b@example.org", "", ListStatus.BOUNCED, monday.minus(Duration.ofDays(70)), "import");
      for (int i = 0; i < 3; i++) {
        Instant at = monday.minus(Duration.ofDays(7)).plusSeconds(i);
        store.signup(new ListStore.Signup("r" + i + "@example.org", "", Tokens.hash("t" + i), at, at.plus(Duration.ofDays(8)), "form"),
            ListStore.Limits.DEFAULT);
      }
      store.confirm(Tokens.hash("t0"), monday.plusSeconds(60), "form");
      store.confirm(Tokens.hash("t1"), monday.minusSeconds(1), "form");
      store.setStatus(store.byAddress("a@example.org").orElseThrow().id(), ListStatus.UNSUBSCRIBED, monday.plusSeconds(90), "one-click");
      store.setStatus(store.byAddress("r1@example.org").orElseThrow().id(), ListStatus.COMPLAINED, monday.plusSeconds(99), "webhook");
    }

    Run r = press("list", "stats", "--source", project.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("""
        subscribed          1
        pending             1
        unsubscribed        1
        bounced             1
        complained          1

        week of     signups  confirmed   left
        2026-01-12        0          0      0
        2026-01-19        0          0      0
        2026-01-26        0          0      0
        2026-02-02        0          0      0
        2026-02-09        0          0      0
        2026-02-16        0          0      0
        2026-02-23        3          1      0
        2026-03-02        0          1      2
        """);
  }

  @Test
  void forgetDeletesAnAddressAndKeepsItOut() throws Exception {
    try (JdbcListStore store = store()) {
      store.put("ann@example.org", "Ann", ListStatus.SUBSCRIBED, NOW, "import");
    }

    Run r = press("list", "forget", "Ann@Example.org", "--source", project.toString());
    Run again = press("list", "forget", "ann@example.org", "--source", project.toString());
    Run unknown = press("list", "forget", "zed@example.org", "--source", project.toString());
    Run notAnAddress = press("list", "forget", "ann", "--source", project.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("press: deleted Ann@Example.org and its history");
    try (JdbcListStore store = store()) {
      assertThat(store.byAddress("ann@example.org")).isEmpty();
      assertThat(store.suppressed("ann@example.org")).isTrue();
    }
    assertThat(again.exit()).isEqualTo(ExitCodes.CONTENT);
    assertThat(again.err()).startsWith("press: error: ann@example.org is not on the list (it was deleted before;");
    assertThat(unknown.exit()).isEqualTo(ExitCodes.CONTENT);
    assertThat(unknown.err()).isEqualTo("press: error: zed@example.org is not on the list\n"
        + "  hint: check the spelling; press list export shows every address\n");
    assertThat(notAnAddress.exit()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void readsTheDatabaseFromTheProjectsSettings() throws Exception {
    Files.writeString(project.resolve("jbake.properties"), "site.host=https://example.org\nnewsletter.list_db=jdbc:sqlite:data/people.db\n");
    Path file = csv("list.csv", "email,name,status\nann@example.org,Ann,subscribed\n");

    Run r = press("list", "import", file.toString(), "--source", project.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(project.resolve("data/people.db")).isRegularFile();
    assertThat(project.resolve(".press/list.db")).doesNotExist();
  }

  @Test
  void aDatabaseFailureIsAMessageAndAHintNeverAStackTrace() throws Exception {
    Files.writeString(project.resolve("jbake.properties"), "newsletter.list_db=jdbc:mysql://localhost/list\n");
    Files.writeString(project.resolve("broken.properties"), "");
    Path notSqlite = csv("notes.db", "not a database\n".repeat(300));

    Run wrongKind = press("list", "stats", "--source", project.toString());
    Files.writeString(project.resolve("jbake.properties"), "newsletter.list_db=jdbc:sqlite:" + notSqlite.getFileName() + "\n");
    Run notADatabase = press("list", "export", "--source", project.toString());
    Files.writeString(project.resolve("jbake.properties"), "newsletter.list_db=jdbc:postgresql://127.0.0.1:1/list?user=press\n");
    Run noServer = press("list", "forget", "ann@example.org", "--source", project.toString());

    assertThat(wrongKind.exit()).isEqualTo(ExitCodes.CONTENT);
    assertThat(wrongKind.err()).isEqualTo("press: error: the list database jdbc:mysql://localhost/list is neither SQLite nor PostgreSQL\n"
        + "  hint: set newsletter.list_db to jdbc:sqlite:.press/list.db or jdbc:postgresql://HOST/DB?user=NAME\n");
    assertThat(notADatabase.exit()).isEqualTo(ExitCodes.CONTENT);
    assertThat(notADatabase.err()).contains("notes.db").contains("hint: the file is not an SQLite database")
        .doesNotContain("\tat ");
    assertThat(noServer.exit()).isEqualTo(ExitCodes.CONTENT);
    assertThat(noServer.err()).startsWith("press: error: cannot reach the list database jdbc:postgresql://127.0.0.1:1/list")
        .contains("hint: check the server is running").doesNotContain("\tat ");
  }

  @Test
  void unsubscribeWorksOnTheDatabaseWithoutACsv() throws Exception {
    try (JdbcListStore store = store()) {
      store.put("ann@example.org", "Ann", ListStatus.SUBSCRIBED, NOW, "import");
    }

    Run r = press("unsubscribe", "ANN@example.org", "--source", project.toString());
    Run again = press("unsubscribe", "ann@example.org", "--source", project.toString());
    Run unknown = press("unsubscribe", "zed@example.org", "--source", project.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("press: unsubscribed ANN@example.org in the list's database\n");
    assertThat(again.out()).isEqualTo("press: ann@example.org was already unsubscribed\n");
    assertThat(unknown.exit()).isEqualTo(ExitCodes.CONTENT);
    try (JdbcListStore store = store()) {
      long id = store.byAddress("ann@example.org").orElseThrow().id();
      assertThat(store.byId(id).orElseThrow().status()).isEqualTo(ListStatus.UNSUBSCRIBED);
      assertThat(store.events(id)).extracting(e -> e.kind() + "/" + e.source())
          .containsExactly("imported-subscribed/import", "unsubscribed/cli");
    }
  }

  @Test
  void unsubscribeWithoutACsvOrADatabaseSaysWhatToGive() {
    Run r = press("unsubscribe", "ann@example.org", "--source", project.toString());

    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("no list to update: give the CSV list with --subscribers FILE");
    assertThat(project.resolve(".press")).doesNotExist();
  }

  @Test
  void listWithoutASubcommandIsAUsageError() {
    Run r = press("list", "--source", project.toString());

    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
  }
}
