package press.callback.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import press.callback.testing.Lists;
import press.callback.testing.Press;
import press.callback.testing.TestSite;

/** {@code press send} against a real SMTP server (GreenMail) on loopback. */
class SendIT {
  static final String SECRET = "test-secret-of-sufficient-length";
  static final String ISSUE = "2026-11-02";

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
      .withPerMethodLifecycle(true);

  @TempDir static Path tmp;
  static Path project;

  @BeforeAll
  static void bake() {
    project = TestSite.create(tmp, "basic");
    assertThat(TestSite.bake(project, project.resolve("target/site")).ok()).isTrue();
  }

  @BeforeEach
  void cleanState() throws Exception {
    for (Path dir : List.of(project.resolve(".press"), project.resolve("target/outbox"))) {
      if (Files.exists(dir)) {
        TestSite.files(dir, "").forEach(f -> dir.resolve(f).toFile().delete());
      }
    }
  }

  private String smtp() {
    return "smtp://127.0.0.1:" + greenMail.getSmtp().getPort();
  }

  private Path list(String csv) throws Exception {
    Path file = tmp.resolve("subscribers-" + System.nanoTime() + ".csv");
    Files.writeString(file, csv);
    return file;
  }

  private Press.Run send(Map<String, String> env, String... extra) {
    String[] args = new String[extra.length + 3];
    args[0] = "send";
    args[1] = ISSUE;
    args[2] = "--source=" + project;
    System.arraycopy(extra, 0, args, 3, extra.length);
    return Press.run(env, args);
  }

  @Test
  void sendsExactlyOneMessageToEachValidSubscribedAddress() throws Exception {
    Lists.SubscriberCsv csv = Lists.mixed(250, 20, 10, 10, 10);
    Path file = list(csv.csv());
    Press.Run run = send(Map.of("PRESS_UNSUBSCRIBE_SECRET", SECRET),
        "--subscribers=" + file, "--smtp=" + smtp(), "--rate=0", "--concurrency=4");

    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("press: 250 subscribed, 30 not subscribed, 20 rows skipped",
        "press: sent 250, failed 0, deferred 0, already done 0, uncertain 0");
    assertThat(run.err()).doesNotContain("s1@example.org"); // counts and lines only, no addresses

    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(250);
    UnsubscribeToken tokens = new UnsubscribeToken(SECRET, "weekly.callback.press");
    Set<String> recipients = new HashSet<>();
    Set<String> tokenSet = new HashSet<>();
    Pattern tokenIn = Pattern.compile("(?:token=|/u/)([A-Za-z0-9_.-]+)>");
    for (MimeMessage m : received) {
      String to = ((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress();
      assertThat(recipients.add(to)).as("one message for " + to).isTrue();
      assertThat(m.getSubject()).isEqualTo("The first issue: one question per email");
      assertThat(m.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
      assertThat(m.getHeader("List-Id", null)).isEqualTo("Callback Press Weekly <weekly.callback.press>");
      Matcher t = tokenIn.matcher(m.getHeader("List-Unsubscribe", null).replaceAll("\\s", ""));
      assertThat(t.find()).isTrue();
      assertThat(tokens.verify(t.group(1))).contains(to);
      tokenSet.add(t.group(1));
      MimeMultipart parts = (MimeMultipart) m.getContent();
      String text = (String) parts.getBodyPart(0).getContent();
      String html = (String) parts.getBodyPart(1).getContent();
      int n = Integer.parseInt(to.substring(1, to.indexOf('@')));
      String greeting = n % 3 == 0 ? "Hi there," : "Hi Name " + n + ",";
      assertThat(text).contains(greeting).contains("/u/" + t.group(1)).doesNotContain("{{");
      assertThat(html).contains(greeting).contains("/u/" + t.group(1)).doesNotContain("{{");
    }
    assertThat(recipients).containsExactlyInAnyOrderElementsOf(csv.subscribed());
    assertThat(tokenSet).hasSize(250);

    Press.Run again = send(Map.of("PRESS_UNSUBSCRIBE_SECRET", SECRET), "--subscribers=" + file, "--smtp=" + smtp(), "--rate=0");
    assertThat(again.out()).contains("press: sent 0, failed 0, deferred 0, already done 250, uncertain 0");
    assertThat(greenMail.getReceivedMessages()).hasSize(250);

    Press.Run status = send(Map.of(), "--status", "--subscribers=" + file, "--smtp=" + smtp());
    assertThat(status.out()).contains("sent 250, failed 0, pending 0 of 250 subscribed, uncertain 0");
  }

  @Test
  void aDueSendRunEveryFewMinutesGivesEachSubscriberOneMessage() throws Exception {
    Lists.SubscriberCsv csv = Lists.mixed(30, 3, 2, 1, 1);
    Path file = list(csv.csv());
    String[] args = {"send", "--due", "--source=" + project, "--subscribers=" + file, "--smtp=" + smtp(), "--rate=0"};
    Map<String, String> out = new LinkedHashMap<>();
    for (String utc : List.of("2026-12-07T07:55:00Z", "2026-12-07T08:00:00Z", "2026-12-07T08:05:00Z", "2026-12-08T08:00:00Z")) {
      Press.Run run = Press.run(Clock.fixed(Instant.parse(utc), ZoneOffset.UTC), Map.of("PRESS_UNSUBSCRIBE_SECRET", SECRET), args);
      assertThat(run.exit()).as(utc + ": " + run.out() + run.err()).isZero();
      out.put(utc, run.out());
    }
    assertThat(out.get("2026-12-07T07:55:00Z")).isEqualTo("press: the issue of 2026-12-07 is due at 08:00 UTC (in 5 min); nothing sent\n");
    assertThat(out.get("2026-12-07T08:00:00Z")).startsWith("press: the issue of 2026-12-07 is due since 08:00 UTC\n")
        .contains("press: sent 30, failed 0, deferred 0, already done 0, uncertain 0");
    assertThat(out.get("2026-12-07T08:05:00Z")).contains("press: sent 0, failed 0, deferred 0, already done 30, uncertain 0",
        "press: issue 2026-12-07 was sent already");
    assertThat(out.get("2026-12-08T08:00:00Z")).isEqualTo("press: no issue is dated today (2026-12-08, UTC); nothing sent\n");

    MimeMessage[] received = greenMail.getReceivedMessages();
    Set<String> recipients = new HashSet<>();
    for (MimeMessage m : received) {
      String to = ((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress();
      assertThat(recipients.add(to)).as("one message for " + to).isTrue();
      assertThat(m.getSubject()).isEqualTo("Future issue");
      assertThat(m.getHeader("Date", null)).isEqualTo("Mon, 7 Dec 2026 08:00:00 +0000");
    }
    assertThat(recipients).containsExactlyInAnyOrderElementsOf(csv.subscribed());
  }

  @Test
  void aTrialRunIntoThePickupFolderDoesNotCountForTheRealSend() throws Exception {
    Lists.SubscriberCsv csv = Lists.mixed(12, 1, 0, 0, 0);
    Path file = list(csv.csv());
    Press.Run trial = send(Map.of(), "--subscribers=" + file);
    assertThat(trial.exit()).isZero();
    assertThat(trial.err()).contains("development secret");
    assertThat(TestSite.files(project.resolve("target/outbox").resolve(ISSUE), ".eml")).hasSize(12);
    assertThat(greenMail.getReceivedMessages()).isEmpty();

    Press.Run real = send(Map.of("PRESS_UNSUBSCRIBE_SECRET", SECRET), "--subscribers=" + file, "--smtp=" + smtp(), "--rate=0");
    assertThat(real.out()).contains("press: sent 12,");
    assertThat(greenMail.getReceivedMessages()).hasSize(12);
    assertThat(project.resolve(".press/ledger/" + ISSUE + ".pickup.log")).exists();
    assertThat(TestSite.files(project.resolve(".press/ledger"), ".log")).hasSize(2);
  }

  @Test
  void testSendsOneMarkedCopyAndRecordsNothing() throws Exception {
    Press.Run run = send(Map.of("PRESS_UNSUBSCRIBE_SECRET", SECRET), "--test=me@example.org", "--smtp=" + smtp());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
    assertThat(greenMail.getReceivedMessages()[0].getSubject()).isEqualTo("[TEST] The first issue: one question per email");
    assertThat(project.resolve(".press/ledger")).satisfiesAnyOf(
        p -> assertThat(p).doesNotExist(), p -> assertThat(TestSite.files(p, ".log")).isEmpty());
  }

  @Test
  void dryRunSendsNothingAndListsAddressesOnlyWhenVerbose() throws Exception {
    Path file = list(Lists.mixed(5, 0, 0, 1, 0).csv());
    Press.Run dry = send(Map.of("PRESS_UNSUBSCRIBE_SECRET", SECRET), "--subscribers=" + file, "--smtp=" + smtp(), "--dry-run");
    assertThat(dry.exit()).isZero();
    assertThat(dry.out()).contains("dry run: would send to 5").doesNotContain("s1@example.org");
    assertThat(dry.err()).contains(":7: warning: not a valid email address");
    Press.Run verbose = send(Map.of("PRESS_UNSUBSCRIBE_SECRET", SECRET), "--subscribers=" + file, "--smtp=" + smtp(), "--dry-run", "--verbose");
    assertThat(verbose.out()).contains("  s1@example.org");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void aRealSendNeedsTheUnsubscribeSecret() throws Exception {
    Path file = list(Lists.mixed(3, 0, 0, 0, 0).csv());
    Press.Run run = send(Map.of(), "--subscribers=" + file, "--smtp=" + smtp());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("PRESS_UNSUBSCRIBE_SECRET: error: is not set");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void usageErrors() {
    assertThat(send(Map.of(), "--smtp=ftp://x").exit()).isEqualTo(2);
    assertThat(Press.run(Map.of(), "send", "next-monday").exit()).isEqualTo(2);
    assertThat(send(Map.of("PRESS_UNSUBSCRIBE_SECRET", SECRET)).err()).contains("--subscribers FILE");
    Press.Run missing = Press.run(Map.of(), "send", "2031-01-06", "--source=" + project, "--subscribers=x.csv");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("no email for issue 2031-01-06", "run mvn package");
  }

  @Test
  void unsubscribeByTokenRewritesTheList() throws Exception {
    Path file = list("email,name,status\nann@example.org,Ann,subscribed\nbob@example.org,\"Bob, Jr.\",subscribed\n");
    String token = new UnsubscribeToken(SECRET, "weekly.callback.press").create("bob@example.org");
    Press.Run run = Press.run(Map.of("PRESS_UNSUBSCRIBE_SECRET", SECRET),
        "unsubscribe", token, "--subscribers=" + file, "--source=" + project);
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(Files.readString(file)).isEqualTo("email,name,status\nann@example.org,Ann,subscribed\nbob@example.org,\"Bob, Jr.\",unsubscribed\n");
    assertThat(Press.run(Map.of(), "unsubscribe", "ANN@example.org", "--subscribers=" + file).exit()).isZero();
    assertThat(Files.readString(file)).contains("ann@example.org,Ann,unsubscribed");
    Press.Run forged = Press.run(Map.of("PRESS_UNSUBSCRIBE_SECRET", "another-secret-entirely"),
        "unsubscribe", token, "--subscribers=" + file, "--source=" + project);
    assertThat(forged.exit()).isEqualTo(1);
    assertThat(forged.err()).contains("not genuine");
    assertThat(Press.run(Map.of(), "unsubscribe", "zed@example.org", "--subscribers=" + file).exit()).isEqualTo(1);
  }
}
