package press.callback.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import press.callback.mail.BakedIssue;
import press.callback.mail.Destination;
import press.callback.mail.PickupFolder;
import press.callback.mail.Sender;
import press.callback.mail.SmtpServer;

/**
 * What {@code press send} will do, decided from its options and the project's settings alone,
 * before anything is read or sent: which issue (named, or the one the clock says is due), in which
 * mode, to whom, through what (the relay of {@code --smtp} or the issue's pickup folder), with
 * which ledger, how fast, and whether an issue dated after today is refused. {@link SendCommand}
 * prints and carries it out.
 *
 * @param issue the issue named, or {@code null} with {@code --due} until one is picked
 * @param due whether the clock picks the issue ({@code --due}); a send already running is then no
 *     error, as another run of the same schedule has it
 * @param at with {@code --due}: the time to decide at, or {@code null} for the clock's
 * @param early send before the issue is due
 * @param server the relay, or {@code null} for the pickup folder
 * @param bounceAddress {@code newsletter.bounce_address}, the envelope sender, or {@code null}
 * @param sending how the sender works: connections, rate (the default resolved: 20 a second to a
 *     relay, none to the pickup folder), retries
 * @param listPage how many members a send from the list's database reads at once
 */
record SendPlan(
    Mode mode,
    String issue,
    boolean due,
    LocalDateTime at,
    boolean early,
    Recipients recipients,
    SmtpServer server,
    Path source,
    Path newsletter,
    Path outbox,
    String bounceAddress,
    Sender.Options sending,
    int listPage,
    boolean verbose) {

  /** What the run does. */
  enum Mode {
    /** Counts what the ledger holds ({@code --status}); sends nothing. */
    STATUS,
    /** One copy to a test address, recorded nowhere ({@code --test}). */
    TEST,
    /** Says what would be sent ({@code --dry-run}); sends nothing. */
    DRY_RUN,
    /** The send itself. */
    SEND
  }

  /** Who gets the issue. */
  sealed interface Recipients {}

  /** The subscribed rows of a CSV list ({@code --subscribers}). */
  record Csv(Path file) implements Recipients {}

  /** The subscribed members of the list's database ({@code newsletter.list_db}, which exists). */
  record Store(ListSend.Settings settings) implements Recipients {}

  /** One address, marked [TEST] ({@code --test}). */
  record Tester(String address) implements Recipients {}

  /** No list given and none in the project: only {@code --status} can run. */
  record Nobody(String listDb) implements Recipients {}

  /**
   * Why the options do not make a send, in words for a usage error; empty if they do.
   *
   * @param issue the ISSUE parameter, or {@code null}
   */
  static Optional<String> usageError(String issue, boolean due, LocalDateTime at, int concurrency, int attempts,
      double backoffSeconds, Double rate) {
    if (due == (issue != null)) {
      return Optional.of(due
          ? "--due finds the issue itself: give ISSUE or --due, not both"
          : "say which issue: press send 2026-11-30, or press send --due for the one due now");
    }
    if (at != null && !due) {
      return Optional.of("--at goes with --due: it is the time to decide what is due at");
    }
    if (!due && !issue.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return Optional.of("ISSUE is the issue's date, e.g. 2026-11-30, not '" + issue + "'");
    }
    if (concurrency < 1 || concurrency > 32) {
      return Optional.of("--concurrency must be from 1 to 32");
    }
    if (attempts < 1 || backoffSeconds < 0 || (rate != null && rate < 0)) {
      return Optional.of("--attempts must be at least 1; --backoff and --rate not negative");
    }
    return Optional.empty();
  }

  /**
   * The plan of a run whose options passed {@link #usageError}.
   *
   * @param storeExists whether the list's database is where the issue goes: it exists (an SQLite
   *     file that is there, or any PostgreSQL URL) and neither {@code --subscribers} nor {@code
   *     --test} is given
   */
  static SendPlan of(SendCommand o, ListSend.Settings settings, boolean storeExists, SmtpServer server) {
    Mode mode = o.status ? Mode.STATUS : o.test != null ? Mode.TEST : o.dryRun ? Mode.DRY_RUN : Mode.SEND;
    // --status counts a CSV list given beside --test; a test copy goes to its address only
    Recipients recipients = o.test != null && mode != Mode.STATUS ? new Tester(o.test)
        : o.subscribers != null ? new Csv(o.subscribers)
        : storeExists ? new Store(settings)
        : new Nobody(settings.listDb());
    double perSecond = o.rate != null ? o.rate : server != null ? 20 : 0;
    Sender.Options sending = new Sender.Options(o.concurrency, perSecond, o.resendUncertain, o.attempts,
        Duration.ofMillis((long) (o.backoffSeconds * 1000)));
    return new SendPlan(mode, o.issue, o.due, o.at, o.early, recipients, server, o.source,
        o.newsletter != null ? o.newsletter : o.source.resolve("target/newsletter"),
        o.outbox != null ? o.outbox : o.source.resolve("target/outbox"), settings.bounceAddress(), sending, o.listPage,
        o.verbose);
  }

  /** The plan for the issue the clock picked. */
  SendPlan withIssue(String id) {
    return new SendPlan(mode, id, due, at, early, recipients, server, source, newsletter, outbox, bounceAddress, sending,
        listPage, verbose);
  }

  /**
   * Whether an issue dated after today is refused (a dry run only says so): unless it is a test
   * copy, or the clock picked it, or {@code --early}.
   */
  boolean refusesEarly() {
    return mode != Mode.TEST && !due && !early;
  }

  /** Where messages of issue {@code id} go: the relay, or the issue's pickup folder. */
  Destination destination(String id) {
    return server != null ? server : new PickupFolder(outbox.resolve(id));
  }

  /** The ledger file of issue {@code id} sent to {@code destination} (a send without the database). */
  Path ledgerFile(String id, Destination destination) {
    return source.resolve(".press/ledger").resolve(id + "." + destination.id() + ".log");
  }

  /** The baked email of issue {@code id}. */
  Path eml(String id) {
    return newsletter.resolve(id).resolve(BakedIssue.FILE);
  }
}
