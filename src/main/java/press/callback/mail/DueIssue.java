package press.callback.mail;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which issue {@code press send --due} sends now: the one dated today (in the site's zone), once
 * its send time has come. An issue of an earlier day is never sent by the clock (it is past: its
 * author decides), nor one of a later day (its page on the site is not live yet).
 */
public final class DueIssue {
  private static final Comparator<BakedIssue> ORDER =
      Comparator.comparing(BakedIssue::date).thenComparing(BakedIssue::id);

  private DueIssue() {}

  /** What the clock says about the baked issues. */
  public sealed interface Decision permits Due, NotYet, NoneToday {}

  /** Today's issue, to be sent now: its time {@code at} has passed (or it is sent early). */
  public record Due(BakedIssue issue, ZonedDateTime at) implements Decision {}

  /** Today's issue, due at {@code at}, in {@code left}. */
  public record NotYet(BakedIssue issue, ZonedDateTime at, Duration left) implements Decision {}

  /**
   * No issue is dated {@code today}.
   *
   * @param past the newest issue dated before today, if any
   * @param next the oldest issue dated after today, if any
   */
  public record NoneToday(LocalDate today, Optional<BakedIssue> past, Optional<BakedIssue> next)
      implements Decision {}

  /**
   * Decides.
   *
   * @param issues the baked issues; the bake allows one a day (should there be two, the first by id)
   * @param now the time to decide at
   * @param early whether today's issue goes before its send time
   */
  public static Decision decide(List<BakedIssue> issues, Schedule schedule, Instant now, boolean early) {
    LocalDate today = schedule.today(now);
    Optional<BakedIssue> todays = issues.stream()
        .filter(i -> i.date().equals(today))
        .min(ORDER);
    if (todays.isPresent()) {
      ZonedDateTime at = schedule.dueAt(today);
      return early || !now.isBefore(at.toInstant())
          ? new Due(todays.get(), at)
          : new NotYet(todays.get(), at, Duration.between(now, at.toInstant()));
    }
    Optional<BakedIssue> past = issues.stream()
        .filter(i -> i.date().isBefore(today))
        .max(ORDER);
    Optional<BakedIssue> next = issues.stream()
        .filter(i -> i.date().isAfter(today))
        .min(ORDER);
    return new NoneToday(today, past, next);
  }
}
