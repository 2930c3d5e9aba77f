package press.callback.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import press.callback.mail.PickupFolder;
import press.callback.mail.SmtpServer;

/** The send plan: what {@code press send}'s options decide before anything is read or sent. */
class SendPlanTest {
  private static final ListSend.Settings SETTINGS = new ListSend.Settings("jdbc:sqlite:.press/list.db", "bounce@example.org");

  private static SendCommand options(String issue) {
    SendCommand o = new SendCommand();
    o.issue = issue;
    o.concurrency = 2;
    o.attempts = 4;
    o.backoffSeconds = 2;
    o.listPage = 100;
    return o;
  }

  @Test
  void refusesOptionsThatMakeNoSend() {
    assertThat(SendPlan.usageError(null, false, null, 2, 4, 2, null))
        .contains("say which issue: press send 2026-11-30, or press send --due for the one due now");
    assertThat(SendPlan.usageError("2026-11-30", true, null, 2, 4, 2, null))
        .contains("--due finds the issue itself: give ISSUE or --due, not both");
    assertThat(SendPlan.usageError("2026-11-30", false, LocalDateTime.of(2026, 11, 30, 8, 0), 2, 4, 2, null))
        .contains("--at goes with --due: it is the time to decide what is due at");
    assertThat(SendPlan.usageError("latest", false, null, 2, 4, 2, null))
        .contains("ISSUE is the issue's date, e.g. 2026-11-30, not 'latest'");
    assertThat(SendPlan.usageError("2026-11-30", false, null, 33, 4, 2, null)).contains("--concurrency must be from 1 to 32");
    assertThat(SendPlan.usageError("2026-11-30", false, null, 2, 4, 2, -1.0))
        .contains("--attempts must be at least 1; --backoff and --rate not negative");
    assertThat(SendPlan.usageError("2026-11-30", false, null, 2, 4, 2, null)).isEmpty();
    assertThat(SendPlan.usageError(null, true, LocalDateTime.of(2026, 11, 30, 8, 0), 1, 1, 0, 0.0)).isEmpty();
  }

  @Test
  void sendsToTheCsvListGivenEvenWhenTheProjectHasADatabase() {
    SendCommand o = options("2026-11-30");
    o.subscribers = Path.of("list.csv");
    SendPlan plan = SendPlan.of(o, SETTINGS, false, null);
    assertThat(plan.mode()).isEqualTo(SendPlan.Mode.SEND);
    assertThat(plan.recipients()).isEqualTo(new SendPlan.Csv(Path.of("list.csv")));
    assertThat(plan.refusesEarly()).isTrue();
  }

  @Test
  void sendsFromTheDatabaseWhenItExistsAndNoListIsGiven() {
    SendPlan plan = SendPlan.of(options("2026-11-30"), SETTINGS, true, null);
    assertThat(plan.recipients()).isEqualTo(new SendPlan.Store(SETTINGS));
    assertThat(plan.bounceAddress()).isEqualTo("bounce@example.org");
  }

  @Test
  void aTestCopyGoesToItsAddressOnlyAndIsNeverRefusedAsEarly() {
    SendCommand o = options("2026-12-07");
    o.test = "me@example.org";
    o.subscribers = Path.of("list.csv");
    SendPlan plan = SendPlan.of(o, SETTINGS, false, null);
    assertThat(plan.mode()).isEqualTo(SendPlan.Mode.TEST);
    assertThat(plan.recipients()).isEqualTo(new SendPlan.Tester("me@example.org"));
    assertThat(plan.refusesEarly()).isFalse();
  }

  @Test
  void statusCountsTheCsvListGivenBesideTest() {
    SendCommand o = options("2026-11-30");
    o.status = true;
    o.test = "me@example.org";
    o.subscribers = Path.of("list.csv");
    SendPlan plan = SendPlan.of(o, SETTINGS, false, null);
    assertThat(plan.mode()).isEqualTo(SendPlan.Mode.STATUS);
    assertThat(plan.recipients()).isEqualTo(new SendPlan.Csv(Path.of("list.csv")));
  }

  @Test
  void withoutAListOrADatabaseNobodyGetsIt() {
    SendCommand o = options("2026-11-30");
    o.dryRun = true;
    SendPlan plan = SendPlan.of(o, SETTINGS, false, null);
    assertThat(plan.mode()).isEqualTo(SendPlan.Mode.DRY_RUN);
    assertThat(plan.recipients()).isEqualTo(new SendPlan.Nobody("jdbc:sqlite:.press/list.db"));
  }

  @Test
  void thePickupFolderIsPerIssueUnlimitedAndItsLedgerBesideTheProject() {
    SendCommand o = options(null);
    o.due = true;
    o.source = Path.of("site");
    SendPlan plan = SendPlan.of(o, SETTINGS, false, null).withIssue("2026-12-07");
    assertThat(plan.issue()).isEqualTo("2026-12-07");
    assertThat(plan.refusesEarly()).as("the clock picked it").isFalse();
    assertThat(plan.sending().ratePerSecond()).isZero();
    assertThat(plan.sending().backoff()).isEqualTo(Duration.ofSeconds(2));
    var destination = plan.destination("2026-12-07");
    assertThat(destination).isInstanceOf(PickupFolder.class);
    assertThat(plan.ledgerFile("2026-12-07", destination))
        .isEqualTo(Path.of("site/.press/ledger/2026-12-07." + destination.id() + ".log"));
    assertThat(plan.eml("2026-12-07")).isEqualTo(Path.of("site/target/newsletter/2026-12-07/email.eml"));
  }

  @Test
  void aRelaySendsTwentyASecondUnlessTold() {
    SmtpServer relay = SmtpServer.parse("smtp://127.0.0.1:2525", null, false);
    SendCommand o = options("2026-11-30");
    assertThat(SendPlan.of(o, SETTINGS, false, relay).sending().ratePerSecond()).isEqualTo(20);
    o.rate = 5.0;
    SendPlan plan = SendPlan.of(o, SETTINGS, false, relay);
    assertThat(plan.sending().ratePerSecond()).isEqualTo(5);
    assertThat(plan.destination("2026-11-30")).isSameAs(relay);
  }
}
