package press.callback.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import press.callback.list.JdbcListStore;
import press.callback.list.ListStatus;
import press.callback.list.Tokens;
import press.callback.list.Verp;
import press.callback.testing.TestSite;

/**
 * {@code press list inbox} end to end, in process: a baked project on SQLite, a bounce mailbox on
 * GreenMail's IMAP (and SMTP for the confirmation email) on loopback, then the same messages as an
 * mbox and a maildir. Each message changes what it should, the handled are filed away, the rest
 * stay, and a second run changes nothing.
 */
class ListInboxIT {
  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup[] {
      new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP), new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  static final String SECRET = "inbox-it-secret-of-a-good-length";
  static final String LIST_ID = "weekly.callback.press";
  static final String IMAP_PASSWORD = "imap-password-for-the-test";
  static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  @TempDir Path tmp;
  Path project;
  long ann;
  long bob;
  long cat;
  long dan;
  final Tokens tokens = new Tokens(List.of(SECRET), LIST_ID);
  final Verp verp = new Verp("bounce@callback.press", tokens);

  @BeforeEach
  void bakedProjectWithFourMembers() throws Exception {
    project = TestSite.create(tmp, "basic");
    Files.writeString(project.resolve("jbake.properties"), "\nnewsletter.bounce_address=bounce@callback.press\n",
        StandardOpenOption.APPEND);
    Files.createDirectories(project.resolve("content/list"));
    for (String name : List.of("confirm.md", "already.md", "welcome.md")) {
      Files.copy(Path.of("content/list", name), project.resolve("content/list").resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
    assertThat(TestSite.bake(project, project.resolve("target/site")).ok()).isTrue();
    try (JdbcListStore store = store()) {
      for (String a : List.of("ann@example.org", "bob@example.org", "cat@example.org", "dan@example.org")) {
        store.put(a, "", ListStatus.SUBSCRIBED, NOW.minus(Duration.ofDays(30)), "test");
      }
      ann = store.byAddress("ann@example.org").orElseThrow().id();
      bob = store.byAddress("bob@example.org").orElseThrow().id();
      cat = store.byAddress("cat@example.org").orElseThrow().id();
      dan = store.byAddress("dan@example.org").orElseThrow().id();
    }
  }

  JdbcListStore store() {
    return JdbcListStore.open("jdbc:sqlite:.press/list.db", project, null);
  }

  /** A hard bounce for ann (VERP), a complaint for dan (token), bob's mailed unsubscribe, cat's out-of-office, a sign-up, a reply. */
  List<String> messages() {
    return List.of(
        press.callback.list.inbox.InboxMessagesAccess.hardBounce("it-hb", verp.sender(ann, "2026-11-30"), "ann@example.org"),
        press.callback.list.inbox.InboxMessagesAccess.complaint("it-c", tokens.member(dan)),
        press.callback.list.inbox.InboxMessagesAccess.unsubscribe("it-u", "bob@example.org", tokens.member(bob)),
        press.callback.list.inbox.InboxMessagesAccess.outOfOffice("it-ooo", "cat@example.org"),
        press.callback.list.inbox.InboxMessagesAccess.subscribe("it-s", "Ada <ada@example.org>"),
        press.callback.list.inbox.InboxMessagesAccess.reply("it-r", "kind@example.org"));
  }

  record Run(int exit, String out, String err) {}

  Run press(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = new Main(new PrintWriter(out), new PrintWriter(err), Clock.fixed(NOW, ZoneOffset.UTC),
        Map.of("PRESS_UNSUBSCRIBE_SECRET", SECRET, "PRESS_IMAP_PASSWORD", IMAP_PASSWORD), false).run(args);
    return new Run(exit, out.toString(), err.toString());
  }

  void assertTheListAfterOneRun() {
    try (JdbcListStore store = store()) {
      assertThat(store.byId(ann).orElseThrow().status()).isEqualTo(ListStatus.BOUNCED);
      assertThat(store.byId(bob).orElseThrow().status()).isEqualTo(ListStatus.UNSUBSCRIBED);
      assertThat(store.byId(cat).orElseThrow().status()).isEqualTo(ListStatus.SUBSCRIBED);
      assertThat(store.byId(dan).orElseThrow().status()).isEqualTo(ListStatus.COMPLAINED);
      assertThat(store.byAddress("ada@example.org").orElseThrow().status()).isEqualTo(ListStatus.PENDING);
      assertThat(store.events(cat)).hasSize(1);
    }
  }

  static String summary(int hard, int soft, int complaints, int unsubscribes, int subscribes, int auto, int unclassified,
      int seen, int unknown) {
    int[] n = {hard, soft, complaints, unsubscribes, subscribes, auto, unclassified, seen, unknown};
    String[] labels = {"hard bounces", "soft bounces", "complaints", "unsubscribes", "subscribes", "auto-replies",
        "unclassified", "already seen", "unknown recipients"};
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n.length; i++) {
      s.append(String.format("  %-20s %6d%n", labels[i], n[i]));
    }
    return s.toString();
  }

  @Test
  void imapMailboxIsAppliedFiledAwayAndASecondRunChangesNothing() throws Exception {
    GreenMailUser user = greenMail.setUser("bounce@callback.press", "bounce", IMAP_PASSWORD);
    Session session = Session.getInstance(new Properties());
    for (String m : messages()) {
      user.deliver(new MimeMessage(session, new ByteArrayInputStream(m.getBytes(StandardCharsets.UTF_8))));
    }
    String imap = "imap://bounce@127.0.0.1:" + greenMail.getImap().getPort() + "/INBOX";
    String smtp = "smtp://127.0.0.1:" + greenMail.getSmtp().getPort();

    Run first = press("list", "inbox", "--imap", imap, "--smtp", smtp, "--source", project.toString());

    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).isEqualTo("press: 6 messages read, 5 handled (moved to press-handled)\n"
        + summary(1, 0, 1, 1, 1, 1, 1, 0, 0));
    assertThat(first.out()).doesNotContain("@example.org");
    assertTheListAfterOneRun();
    assertThat(Arrays.stream(greenMail.getReceivedMessagesForDomain("ada@example.org"))).hasSize(1);
    assertThat(folder("INBOX")).containsExactly("Re: Callback Press Weekly (unseen)");
    assertThat(folder("press-handled")).hasSize(5).allMatch(s -> s.endsWith("(seen)"));

    Run second = press("list", "inbox", "--imap", imap, "--smtp", smtp, "--source", project.toString(), "--verbose");

    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.out()).contains("press: 1 message read, 0 handled", "mid:<it-r@example.org> unclassified");
    assertTheListAfterOneRun();
    assertThat(folder("INBOX")).hasSize(1);
    assertThat(folder("press-handled")).hasSize(5);
    assertThat(Arrays.stream(greenMail.getReceivedMessagesForDomain("ada@example.org"))).hasSize(1);
  }

  @Test
  void mboxIsReadWithoutBeingWrittenAndASecondRunFindsEverythingSeen() throws Exception {
    StringBuilder mbox = new StringBuilder();
    for (String m : messages()) {
      mbox.append("From MAILER-DAEMON Mon Nov 30 08:00:00 2026\n").append(m.replace("\r\n", "\n")).append("\n");
    }
    Path file = tmp.resolve("bounces.mbox");
    Files.writeString(file, mbox);

    Run first = press("list", "inbox", "--mbox", file.toString(), "--source", project.toString());
    Run second = press("list", "inbox", "--mbox", file.toString(), "--source", project.toString());

    assertThat(first.out()).as(first.err()).isEqualTo("press: 6 messages read, 5 handled (noted in bounces.mbox.press-handled)\n"
        + summary(1, 0, 1, 1, 1, 1, 1, 0, 0));
    assertThat(second.out()).isEqualTo("press: 6 messages read, 0 handled (noted in bounces.mbox.press-handled)\n"
        + summary(0, 0, 0, 0, 0, 0, 1, 5, 0));
    assertThat(Files.readString(file)).isEqualTo(mbox.toString());
    assertTheListAfterOneRun();
    try (var s = Files.list(project.resolve(".press/list-outbox"))) {
      assertThat(s.toList()).as("one confirmation in the pickup folder").hasSize(1);
    }
  }

  @Test
  void maildirMovesTheHandledAndLeavesTheReply() throws Exception {
    Path dir = tmp.resolve("Maildir");
    Files.createDirectories(dir.resolve("new"));
    Files.createDirectories(dir.resolve("cur"));
    List<String> all = messages();
    for (int i = 0; i < all.size(); i++) {
      Files.writeString(dir.resolve("new/17000000" + i + ".m" + i + ".host"), all.get(i));
    }

    Run first = press("list", "inbox", "--maildir", dir.toString(), "--source", project.toString());
    Run second = press("list", "inbox", "--maildir", dir.toString(), "--source", project.toString());

    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).startsWith("press: 6 messages read, 5 handled (moved to .press-handled)\n");
    assertThat(second.out()).startsWith("press: 1 message read, 0 handled");
    assertTheListAfterOneRun();
    try (var s = Files.list(dir.resolve("new"))) {
      assertThat(s.toList()).hasSize(1);
    }
    try (var s = Files.list(dir.resolve(".press-handled/cur"))) {
      assertThat(s.toList()).hasSize(5).allMatch(p -> p.toString().endsWith(":2,S"));
    }
  }

  @Test
  void plainImapToAnotherMachineIsRefusedWithoutInsecure() {
    Run r = press("list", "inbox", "--imap", "imap://bounce@mail.example.org/INBOX", "--source", project.toString());

    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("imap:// is not encrypted", "--insecure");
  }

  /** The subjects in an IMAP folder, each with (seen) or (unseen). */
  List<String> folder(String name) throws Exception {
    Store store = Session.getInstance(new Properties()).getStore("imap");
    store.connect("127.0.0.1", greenMail.getImap().getPort(), "bounce", IMAP_PASSWORD);
    try {
      Folder f = store.getFolder(name);
      f.open(Folder.READ_ONLY);
      List<String> out = new ArrayList<>();
      for (Message m : f.getMessages()) {
        out.add(m.getSubject() + (m.isSet(Flags.Flag.SEEN) ? " (seen)" : " (unseen)"));
      }
      f.close(false);
      return out;
    } finally {
      store.close();
    }
  }
}
