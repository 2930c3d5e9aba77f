package press.callback.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import press.callback.diag.Diagnostic;
import press.callback.mail.BakedIssue;
import press.callback.mail.DueIssue;
import press.callback.mail.Schedule;

/**
 * The clock's part of {@code press send}: with {@code --due}, says what the clock decides about
 * the baked issues and which one to send now, if any (nothing due is not an error, so that cron,
 * a systemd timer or a CI schedule can run it every few minutes); for an issue named, whether it
 * is too early to send.
 */
final class DueSend {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final PrintWriter out;
  private final Schedule schedule;

  DueSend(PrintWriter out, Schedule schedule) {
    this.out = out;
    this.schedule = schedule;
  }

  /**
   * The issue to send now, or empty after saying why none is.
   *
   * @param now the time to decide at ({@code --at}, or the clock's)
   * @param early send today's issue before its send time
   * @param sent whether an issue (by id) was sent to this destination before: a past issue that
   *     was not is pointed out
   */
  Optional<String> pick(List<BakedIssue> issues, Instant now, boolean early, Predicate<String> sent) {
    DueIssue.Decision decision = DueIssue.decide(issues, schedule, now, early);
    if (decision instanceof DueIssue.Due due) {
      Duration left = Duration.between(now, due.at().toInstant());
      out.println("press: the issue of " + due.issue().date() + (left.isNegative() || left.isZero()
          ? " is due since " + time(due.at())
          : " is due at " + time(due.at()) + ", in " + duration(left) + "; --early: now"));
      return Optional.of(due.issue().id());
    }
    if (decision instanceof DueIssue.NotYet later) {
      out.println("press: the issue of " + later.issue().date() + " is due at " + time(later.at())
          + " (in " + duration(later.left()) + "); nothing sent");
      return Optional.empty();
    }
    DueIssue.NoneToday none = (DueIssue.NoneToday) decision;
    out.println("press: no issue is dated today (" + none.today() + ", " + schedule.zone().getId() + "); nothing sent");
    none.past().filter(p -> !sent.test(p.id())).ifPresent(p -> out.println("press: the newest issue, of " + p.date()
        + ", is past and was not sent from here; --due sends only today's, so send it by name: press send " + p.id()));
    none.next().ifPresent(n -> out.println("press: the next issue is of " + n.date() + ", due that day at "
        + time(schedule.dueAt(n.date()))));
    return Optional.empty();
  }

  /**
   * Why an issue named on the command line may not be sent yet: it is dated after today, so its
   * page on the site, where the email's "view in browser" link points, is not live.
   *
   * @param eml the issue's email, where the problem is reported
   */
  Optional<Diagnostic> tooEarly(BakedIssue issue, Path eml, Instant now) {
    LocalDate today = schedule.today(now);
    if (!issue.date().isAfter(today)) {
      return Optional.empty();
    }
    return Optional.of(Diagnostic.error(eml.toString(), 0, 0,
        "the issue of " + issue.date() + " is dated after today (" + today + ", " + schedule.zone().getId()
            + "): its page on the site, where the email's \"view in browser\" link points, is not live yet",
        "let press send --due send it on its day, or add --early to send it now all the same"));
  }

  /** {@code 08:00 UTC}: the time of day and the site's zone. */
  private static String time(ZonedDateTime at) {
    return TIME.format(at) + " " + at.getZone().getId();
  }

  /** {@code 2 h 13 min}, {@code 45 min}: whole minutes, rounded up (never "0 min"). */
  static String duration(Duration left) {
    long seconds = left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
    long minutes = Math.max(1, (seconds + 59) / 60);
    long hours = minutes / 60;
    return hours == 0 ? minutes + " min"
        : minutes % 60 == 0 ? hours + " h"
        : hours + " h " + minutes % 60 + " min";
  }
}
