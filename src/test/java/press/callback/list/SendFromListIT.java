package press.callback.list;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import press.callback.testing.Press;
import press.callback.testing.ScriptedSmtpServer;
import press.callback.testing.TestSite;

/**
 * {@code press send ISSUE} with the list in the store (SQLite at its default place, and
 * PostgreSQL), against SMTP servers on loopback: status read again while the send runs, a dead
 * mailbox refused at RCPT marked bounced, member tokens in the links, VERP envelope senders.
 */
class SendFromListIT {
  static final String SECRET = "test-secret-of-sufficient-length";
  static final String ISSUE = "2026-11-02";
  static final Instant AT = Instant.parse("2026-10-01T08:00:00Z");
  static final Map<String, String> ENV = Map.of("PRESS_UNSUBSCRIBE_SECRET", SECRET);

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
      .withPerMethodLifecycle(true);

  @TempDir Path tmp;
  Path project;

  @BeforeEach
  void bake() {
    project = TestSite.create(tmp, "basic");
    assertThat(TestSite.bake(project, project.resolve("target/site")).ok()).isTrue();
  }

  /** The project's list: SQLite at the default place (no setting), or a PostgreSQL database. */
  private JdbcListStore store(boolean postgres) throws Exception {
    if (!postgres) {
      return JdbcListStore.open("jdbc:sqlite:.press/list.db", project, null);
    }
    String url = TestPostgres.shared().newDatabase();
    setting("newsletter.list_db=" + url);
    return JdbcListStore.open(url, project, null);
  }

  private void setting(String line) throws Exception {
    Files.writeString(project.resolve("jbake.properties"), "\n" + line + "\n", StandardOpenOption.APPEND);
  }

  private static List<Member> members(JdbcListStore store, int n) {
    List<Member> members = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      store.put("m" + i + "@example.org", "Name " + i, ListStatus.SUBSCRIBED, AT, "import");
      members.add(store.byAddress("m" + i + "@example.org").orElseThrow());
    }
    store.put("gone@example.org", "", ListStatus.UNSUBSCRIBED, AT, "import");
    store.put("waiting@example.org", "", ListStatus.PENDING, AT, "import");
    return members;
  }

  private static Press.Run send(int port, String... extra) {
    List<String> args = new ArrayList<>(List.of("send", ISSUE, "--smtp=smtp://127.0.0.1:" + port, "--rate=0"));
    args.addAll(List.of(extra));
    return Press.run(ENV, args.toArray(String[]::new));
  }

  @Test
  void anUnsubscribeDuringASendFromSqliteIsHonoured() throws Exception {
    unsubscribeDuringTheSend(false);
  }

  @Test
  void anUnsubscribeDuringASendFromPostgresIsHonoured() throws Exception {
    unsubscribeDuringTheSend(true);
  }

  /**
   * The member last in id order unsubscribes (through the store, as the list service would) while
   * the first message is at the server: the send reads the list five at a time, so it reads that
   * member's page after the change and never mails them.
   */
  private void unsubscribeDuringTheSend(boolean postgres) throws Exception {
    try (JdbcListStore store = store(postgres); ScriptedSmtpServer server = new ScriptedSmtpServer()) {
      List<Member> members = members(store, 20);
      Member last = members.stream().max(Comparator.comparingLong(Member::id)).orElseThrow();
      AtomicInteger messages = new AtomicInteger();
      server.onData(rcpts -> {
        if (messages.incrementAndGet() == 1) {
          assertThat(store.setStatus(last.id(), ListStatus.UNSUBSCRIBED, AT.plusSeconds(60), "one-click")).isTrue();
        }
        return new ScriptedSmtpServer.Reply("250 2.0.0 Ok: queued");
      });
      Press.Run run = send(server.port(), "--source=" + project, "--concurrency=1", "--list-page=5");
      assertThat(run.exit()).as(run.out() + run.err()).isZero();
      assertThat(run.out()).contains("press: 20 subscribed, 2 not subscribed in ")
          .contains("press: sent 19, failed 0, deferred 0, already done 0, uncertain 0");
      assertThat(server.accepted()).doesNotContainKey(last.key()).hasSize(19)
          .allSatisfy((a, n) -> assertThat(n).as(a).isEqualTo(1));

      Press.Run again = send(server.port(), "--source=" + project, "--concurrency=1");
      assertThat(again.out()).contains("press: sent 0, failed 0, deferred 0, already done 19, uncertain 0");
      Press.Run status = send(server.port(), "--source=" + project, "--status");
      assertThat(status.out()).contains("sent 19, failed 0, pending 0 of 19 subscribed, uncertain 0 (ledger in ");
    }
  }

  @Test
  void aMailboxRefusedAtRcptIsBouncedInTheListAndAPolicyRefusalIsNot() throws Exception {
    try (JdbcListStore store = store(false); ScriptedSmtpServer server = new ScriptedSmtpServer()) {
      members(store, 4);
      Function<String, String> rcpt = a -> switch (a) {
        case "m1@example.org" -> "550 5.1.1 <m1@example.org>: Recipient address rejected: User unknown";
        case "m2@example.org" -> "550 5.7.1 <m2@example.org>: Client host rejected: blocked by policy";
        case "m3@example.org" -> "451 4.3.0 try again later";
        default -> "250 2.1.5 Ok";
      };
      server.onRcpt(rcpt);
      Press.Run run = send(server.port(), "--source=" + project, "--attempts=1");
      assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
      assertThat(run.out()).contains("press: sent 1, failed 2, deferred 1")
          .contains("press: 1 address(es) refused for good at RCPT (no such mailbox): marked bounced in the list");
      assertThat(store.byAddress("m1@example.org").orElseThrow().status()).isEqualTo(ListStatus.BOUNCED);
      assertThat(store.byAddress("m2@example.org").orElseThrow().status()).isEqualTo(ListStatus.SUBSCRIBED);
      assertThat(store.byAddress("m3@example.org").orElseThrow().status()).isEqualTo(ListStatus.SUBSCRIBED);
      assertThat(store.feedbackByIssue()).isEqualTo(Map.of(ISSUE, Map.of(Feedback.Kind.HARD_BOUNCE, 1)));
      long dead = store.byAddress("m1@example.org").orElseThrow().id();
      assertThat(store.events(dead)).last().satisfies(e -> assertThat(e.source()).contains("send"));
    }
  }

  @Test
  void eachMessageHasItsMembersTokenAndItsOwnEnvelopeSender() throws Exception {
    setting("newsletter.bounce_address=bounce@callback.press");
    try (JdbcListStore store = store(false)) {
      List<Member> members = members(store, 3);
      Press.Run run = send(greenMail.getSmtp().getPort(), "--source=" + project);
      assertThat(run.exit()).as(run.out() + run.err()).isZero();
      MimeMessage[] received = greenMail.getReceivedMessages();
      assertThat(received).hasSize(3);
      Tokens tokens = new Tokens(List.of(SECRET), listKey(received[0]));
      Verp verp = new Verp("bounce@callback.press", tokens);
      for (MimeMessage m : received) {
        String to = m.getAllRecipients()[0].toString();
        Member member = members.stream().filter(x -> to.contains(x.email())).findFirst().orElseThrow();
        String returnPath = m.getHeader("Return-Path")[0].replaceAll("[<>]", "");
        assertThat(returnPath).startsWith("bounce+").endsWith("@callback.press");
        assertThat(verp.recipient(returnPath)).hasValue(new Tokens.BounceId(member.id(), java.util.Optional.of(ISSUE)));
        assertThat(m.getHeader("From")[0]).contains("weekly@callback.press");
        Matcher u = Pattern.compile("<https://[^>]*/u/([^>]+)>").matcher(m.getHeader("List-Unsubscribe")[0]);
        assertThat(u.find()).isTrue();
        assertThat(tokens.verify(u.group(1))).hasValue(member.id());
      }
    }
  }

  @Test
  void aCsvListKeepsThePlainBounceAddressAsEnvelopeSender() throws Exception {
    setting("newsletter.bounce_address=bounce@callback.press");
    Path csv = tmp.resolve("list.csv");
    Files.writeString(csv, "email,name,status\nreader@example.org,,subscribed\n");
    Press.Run run = send(greenMail.getSmtp().getPort(), "--source=" + project, "--subscribers=" + csv);
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getHeader("Return-Path")[0]).isEqualTo("<bounce@callback.press>");
  }

  private static String listKey(MimeMessage m) throws Exception {
    Matcher id = Pattern.compile("<([^>]+)>").matcher(m.getHeader("List-Id")[0]);
    assertThat(id.find()).isTrue();
    return id.group(1);
  }
}
