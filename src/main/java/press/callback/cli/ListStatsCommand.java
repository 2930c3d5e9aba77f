package press.callback.cli;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import press.callback.list.JdbcListStore;
import press.callback.list.ListStatus;
import press.callback.list.ListStoreException;

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
          + " the sign-ups, confirmations and leaves (unsubscribed, bounced, complained)."
    })
final class ListStatsCommand implements Callable<Integer> {
  static final int WEEKS = 8;
  private static final List<ListStatus> SHOWN = List.of(ListStatus.SUBSCRIBED, ListStatus.PENDING,
      ListStatus.UNSUBSCRIBED, ListStatus.BOUNCED, ListStatus.COMPLAINED);
  private static final List<String> LEAVES = List.of("unsubscribed", "bounced", "complained");

  @ParentCommand ListCommand list;
  @Mixin ListOptions options;

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
    } catch (ListStoreException e) {
      return ListOptions.report(main, e);
    }
    main.out().print(out);
    return ExitCodes.OK;
  }
}
