package press.callback.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import press.callback.mail.Ledger;
import press.callback.mail.ProcessLocks;
import press.callback.testing.Lists;
import press.callback.testing.Press;
import press.callback.testing.TestSite;

/**
 * {@code press send --due} on a baked project, into the pickup folder, at fixed times: the basic
 * site has an issue of 2026-11-02 and one of 2026-12-07 (a Monday), sent at 08:00 UTC.
 */
class SendDueTest {
  private static final String ISSUE = "2026-12-07";

  @TempDir static Path tmp;
  static Path project;
  static Path list;
  static List<String> subscribed;

  @BeforeAll
  static void bake() throws Exception {
    project = TestSite.create(tmp, "basic");
    assertThat(TestSite.bake(project, project.resolve("target/site")).ok()).isTrue();
    Lists.SubscriberCsv csv = Lists.mixed(12, 2, 1, 1, 1);
    list = tmp.resolve("subscribers.csv");
    Files.writeString(list, csv.csv());
    subscribed = csv.subscribed();
  }

  @BeforeEach
  void cleanState() throws Exception {
    for (Path dir : List.of(project.resolve(".press"), project.resolve("target/outbox"))) {
      if (Files.exists(dir)) {
        try (Stream<Path> files = Files.walk(dir)) {
          for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
    }
  }

  private static Press.Run press(String utc, String... args) {
    return Press.run(Clock.fixed(Instant.parse(utc), ZoneOffset.UTC), Map.of(), args);
  }

  private static Press.Run due(Path project, String utc, String... extra) {
    List<String> args = new ArrayList<>(List.of("send", "--due", "--source=" + project, "--subscribers=" + list));
    args.addAll(List.of(extra));
    return press(utc, args.toArray(String[]::new));
  }

  private static Path outbox(Path project) {
    return project.resolve("target/outbox").resolve(ISSUE);
  }

  @Test
  void beforeItsSendTimeNothingIsSentAndItSaysWhen() {
    Press.Run run = due(project, "2026-12-07T05:47:00Z");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("press: the issue of 2026-12-07 is due at 08:00 UTC (in 2 h 13 min); nothing sent\n");
    assertThat(outbox(project)).doesNotExist();
    assertThat(project.resolve(".press/ledger")).doesNotExist();

    Press.Run at = due(project, "2027-03-01T00:00:00Z", "--at=2026-12-07T07:59");
    assertThat(at.out()).isEqualTo("press: the issue of 2026-12-07 is due at 08:00 UTC (in 1 min); nothing sent\n");
  }

  @Test
  void afterItsSendTimeItIsSentToEverySubscriber() {
    Press.Run run = due(project, "2026-12-07T08:00:00Z");
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).startsWith("press: the issue of 2026-12-07 is due since 08:00 UTC\n")
        .contains("press: issue 2026-12-07 \"Future issue\" via the pickup folder",
            "press: sent 12, failed 0, deferred 0, already done 0, uncertain 0");
    assertThat(TestSite.files(outbox(project), ".eml")).hasSize(12);
  }

  @Test
  void aSecondRunIsANoOpAndEachSubscriberHasOneMessage() throws Exception {
    assertThat(due(project, "2026-12-07T08:05:00Z").exit()).isZero();
    Map<String, String> first = TestSite.tree(outbox(project));

    Press.Run again = due(project, "2026-12-07T08:10:00Z");
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).contains("press: sent 0, failed 0, deferred 0, already done 12, uncertain 0",
        "press: issue 2026-12-07 was sent already: no subscribed address is left to send it to");
    // a message made again at 08:10 would differ (its Date): nothing was rewritten
    assertThat(TestSite.tree(outbox(project))).isEqualTo(first).hasSize(12);
    Map<String, Integer> sentLines = new HashMap<>();
    for (String line : Files.readAllLines(project.resolve(".press/ledger/2026-12-07.pickup.log"))) {
      String[] f = line.split("\t");
      if (f[1].equals("sent")) {
        sentLines.merge(f[2], 1, Integer::sum);
      }
    }
    assertThat(sentLines.keySet()).containsExactlyInAnyOrderElementsOf(subscribed);
    assertThat(sentLines.values()).containsOnly(1);
  }

  @Test
  void onADayWithoutAnIssueNothingIsSentAndThePastIssueIsPointedOut() {
    Press.Run run = due(project, "2026-12-05T09:00:00Z");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("""
        press: no issue is dated today (2026-12-05, UTC); nothing sent
        press: the newest issue, of 2026-11-02, is past and was not sent from here; --due sends only today's, so send it by name: press send 2026-11-02
        press: the next issue is of 2026-12-07, due that day at 08:00 UTC
        """);
    assertThat(project.resolve("target/outbox")).doesNotExist();

    assertThat(press("2026-12-05T09:00:00Z", "send", "2026-11-02", "--source=" + project, "--subscribers=" + list).exit())
        .isZero();
    assertThat(due(project, "2026-12-05T09:01:00Z").out()).doesNotContain("is past");
  }

  @Test
  void anIssueDatedAfterTodayIsRefusedWithoutEarly() {
    String[] send = {"send", ISSUE, "--source=" + project, "--subscribers=" + list};
    Press.Run refused = press("2026-12-05T09:00:00Z", send);
    assertThat(refused.exit()).isEqualTo(ExitCodes.CONTENT);
    assertThat(refused.err()).isEqualTo(project.resolve("target/newsletter/2026-12-07/email.eml") + ": error: the issue"
        + " of 2026-12-07 is dated after today (2026-12-05, UTC): its page on the site, where the email's \"view in"
        + " browser\" link points, is not live yet\n"
        + "  hint: let press send --due send it on its day, or add --early to send it now all the same\n");
    assertThat(project.resolve("target/outbox")).doesNotExist();

    Press.Run dry = press("2026-12-05T09:00:00Z", append(send, "--dry-run"));
    assertThat(dry.exit()).isZero();
    assertThat(dry.out()).contains("press: dry run: the issue of 2026-12-07 is dated after today", "needs --early",
        "dry run: would send to 12");

    Press.Run early = press("2026-12-05T09:00:00Z", append(send, "--early"));
    assertThat(early.exit()).as(early.err()).isZero();
    assertThat(early.out()).contains("press: sent 12,");
    assertThat(TestSite.files(outbox(project), ".eml")).hasSize(12);
  }

  @Test
  void onItsDayTheIssueCanBeSentByNameBeforeItsSendTime() {
    Press.Run run = press("2026-12-07T00:01:00Z", "send", ISSUE, "--source=" + project, "--subscribers=" + list);
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("press: sent 12,");
  }

  @Test
  void earlyWithDueSendsTodaysIssueBeforeItsTimeButNeverTomorrows() {
    assertThat(due(project, "2026-12-06T23:00:00Z", "--early").out()).startsWith("press: no issue is dated today");
    Press.Run run = due(project, "2026-12-07T06:00:00Z", "--early");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("press: the issue of 2026-12-07 is due at 08:00 UTC, in 2 h; --early: now\n")
        .contains("press: sent 12,");
  }

  @Test
  void aSendAlreadyRunningIsNoErrorForTheSchedule() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.UTC);
    try (Ledger running = Ledger.open(project.resolve(".press/ledger/2026-12-07.pickup.log"), clock, new ProcessLocks())) {
      Press.Run run = due(project, "2026-12-07T08:05:00Z");
      assertThat(run.exit()).as(run.err()).isZero();
      assertThat(run.out()).contains("press: another send of issue 2026-12-07 via the pickup folder",
          "is running (pid " + ProcessHandle.current().pid() + ", since 2026-12-07T08:00:00Z); it sends the issue,"
              + " so this one stops");

      Press.Run byName = press("2026-12-07T08:05:00Z", "send", ISSUE, "--source=" + project, "--subscribers=" + list);
      assertThat(byName.exit()).isEqualTo(ExitCodes.CONTENT);
      assertThat(byName.err()).contains("another send of this issue to this destination is running");
    }
    assertThat(outbox(project)).doesNotExist();
  }

  @Test
  void dueWithAnIssueIsAUsageError() {
    Press.Run both = press("2026-12-07T08:05:00Z", "send", ISSUE, "--due", "--source=" + project, "--subscribers=" + list);
    assertThat(both.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(both.err()).contains("--due finds the issue itself: give ISSUE or --due, not both");
    Press.Run neither = press("2026-12-07T08:05:00Z", "send", "--source=" + project, "--subscribers=" + list);
    assertThat(neither.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(neither.err()).contains("say which issue: press send 2026-11-30, or press send --due");
    Press.Run atAlone = press("2026-12-07T08:05:00Z", "send", ISSUE, "--at=2026-12-07T08:00", "--source=" + project);
    assertThat(atAlone.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(atAlone.err()).contains("--at goes with --due");
    Press.Run badAt = due(project, "2026-12-07T08:05:00Z", "--at=2026-12-07 08:00");
    assertThat(badAt.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(badAt.err()).contains("'2026-12-07 08:00' is not a time; write yyyy-MM-ddTHH:mm");
    assertThat(project.resolve("target/outbox")).doesNotExist();
  }

  @Test
  void withoutABakeItSaysToBakeFirst() {
    Path empty = tmp.resolve("unbaked");
    TestSite.write(empty.resolve("jbake.properties"), "site.timezone=UTC\n");
    Press.Run run = due(empty, "2026-12-07T08:05:00Z");
    assertThat(run.exit()).isEqualTo(ExitCodes.CONTENT);
    assertThat(run.err()).isEqualTo(empty.resolve("target/newsletter") + ": error: no baked newsletter here\n"
        + "  hint: run mvn package (or press bake) first, or name the folder with --newsletter DIR\n");
  }

  @Test
  void theSendTimeIsInTheSitesTimezone() throws Exception {
    Path newYork = TestSite.create(tmp.resolve("ny"), "basic");
    Path settings = newYork.resolve("jbake.properties");
    Files.writeString(settings, Files.readString(settings).replace("site.timezone=UTC", "site.timezone=America/New_York"));
    assertThat(TestSite.bake(newYork, newYork.resolve("target/site")).ok()).isTrue();
    assertThat(Files.readString(newYork.resolve("target/newsletter/2026-12-07/email.eml")))
        .contains("Date: Mon, 7 Dec 2026 08:00:00 -0500");

    // 12:00 UTC is past 08:00 UTC, but 07:00 in New York
    Press.Run before = due(newYork, "2026-12-07T12:00:00Z");
    assertThat(before.exit()).isZero();
    assertThat(before.out()).isEqualTo(
        "press: the issue of 2026-12-07 is due at 08:00 America/New_York (in 1 h); nothing sent\n");
    // --at is a time in New York too
    assertThat(due(newYork, "2026-12-07T20:00:00Z", "--at=2026-12-07T07:30").out())
        .isEqualTo("press: the issue of 2026-12-07 is due at 08:00 America/New_York (in 30 min); nothing sent\n");
    // 2026-12-08 02:00 UTC is still the 7th in New York
    Press.Run evening = due(newYork, "2026-12-08T02:00:00Z");
    assertThat(evening.exit()).as(evening.err()).isZero();
    assertThat(evening.out()).startsWith("press: the issue of 2026-12-07 is due since 08:00 America/New_York\n")
        .contains("press: sent 12,");
    // from midnight in New York on, the issue of the 7th is past
    assertThat(due(newYork, "2026-12-08T05:30:00Z").out())
        .startsWith("press: no issue is dated today (2026-12-08, America/New_York); nothing sent\n");
  }

  private static String[] append(String[] args, String... more) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }
}
