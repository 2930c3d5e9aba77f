package press.callback.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import press.callback.list.IssueRates;
import press.callback.list.JdbcLedger;
import press.callback.list.JdbcListStore;
import press.callback.list.ListStatus;
import press.callback.list.ListStoreException;
import press.callback.mail.Ledger;

/**
 * {@code press list stats}: how many stand in each status, and the sign-ups, confirmations and
 * leaves of each of the last 8 weeks (weeks from Monday, UTC; the current week so far last). Only
 * counts: no address is printed.
 */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = {
      "Counts the list: members by status, and per week (from Monday, UTC) for the last 8 weeks"
          + " the sign-ups, confirmations and leaves (unsubscribed, bounced, complained); then each sent"
          + " issue's bounce and complaint rates, with a warning above Gmail's thresholds (complaints"
          + " 0.1%, 0.3%) or 2% hard bounces."
    })
final class ListStatsCommand implements Callable<Integer> {
  static final int WEEKS = 8;
  private static final List<ListStatus> SHOWN = List.of(ListStatus.SUBSCRIBED, ListStatus.PENDING,
      ListStatus.UNSUBSCRIBED, ListStatus.BOUNCED, ListStatus.COMPLAINED);
  private static final List<String> LEAVES = List.of("unsubscribed", "bounced", "complained");

  @ParentCommand ListCommand list;
  @Mixin ListOptions options;

  /**
   * Each sent issue's bounce and complaint rates (sent: the 250s of its ledgers, in the database
   * and in .press/ledger/, the pickup folder's left out), with Gmail's thresholds.
   */
  private void issues(JdbcListStore store, StringBuilder out) {
    Map<String, Integer> sent = new java.util.HashMap<>(JdbcLedger.sentByIssue(store.database()));
    fileLedgers(sent);
    List<IssueRates.Row> rows = IssueRates.of(sent, store.feedbackByIssue());
    if (rows.isEmpty()) {
      return;
    }
    out.append(String.format(Locale.ROOT, "%n%-12s %7s %6s %6s %11s %8s %11s%n",
        "issue", "sent", "hard", "soft", "complaints", "bounced", "complained"));
    for (IssueRates.Row r : rows) {
      out.append(String.format(Locale.ROOT, "%-12s %7d %6d %6d %11d %7.2f%% %10.3f%%%n", r.issue(), r.sent(),
          r.hardBounces(), r.softBounces(), r.complaints(), 100 * r.bounceRate(), 100 * r.complaintRate()));
      r.warning().ifPresent(w -> out.append("  warning: ").append(w).append('\n'));
    }
  }

  /** Adds the 250s of each ledger file ({@code <issue>.<destination>.log}) to {@code sent}. */
  private void fileLedgers(Map<String, Integer> sent) {
    Path folder = options.project().resolve(".press/ledger");
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList()) {
        String name = f.getFileName().toString();
        int dot = name.indexOf('.');
        if (dot <= 0 || name.substring(dot + 1).startsWith("pickup.")) {
          continue;
        }
        long n = Ledger.read(f).values().stream().filter(m -> m.state() == Ledger.State.SENT).count();
        sent.merge(name.substring(0, dot), (int) n, Integer::sum);
      }
    } catch (IOException | UncheckedIOException e) {
      list.main.err().println("press: warning: cannot read the ledgers in " + folder + ": " + e.getMessage());
    }
  }

  @Override
  public Integer call() {
    Logging.configure(false);
    Main main = list.main;
    StringBuilder out = new StringBuilder();
    try (JdbcListStore store = options.open(main)) {
      Map<ListStatus, Integer> counts = store.counts();
      for (ListStatus s : SHOWN) {
        out.append(String.format(java.util.Locale.ROOT, "%-13s %7d%n", s.word(), counts.getOrDefault(s, 0)));
      }
      out.append(String.format(java.util.Locale.ROOT, "%n%-10s %8s %10s %6s%n", "week of", "signups", "confirmed", "left"));
      LocalDate today = LocalDate.ofInstant(main.clock().instant(), ZoneOffset.UTC);
      LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      for (int w = WEEKS - 1; w >= 0; w--) {
        LocalDate from = monday.minusWeeks(w);
        Instant since = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant until = from.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, Integer> events = store.eventCounts(since, until);
        int left = LEAVES.stream().mapToInt(k -> events.getOrDefault(k, 0)).sum();
        out.append(String.format(java.util.Locale.ROOT, "%-10s %8d %10d %6d%n", from,
            events.getOrDefault("signup", 0), events.getOrDefault("confirmed", 0), left));
      }
      issues(store, out);
    } catch (ListStoreException e) {
      return ListOptions.report(main, e);
    }
    main.out().print(out);
    return ExitCodes.OK;
  }
}
