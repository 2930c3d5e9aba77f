package press.callback.mail;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When issues go out: each on its date at the newsletter's send time, both in the site's zone
 * ({@code newsletter.send_time}, {@code site.timezone}).
 *
 * @param sendTime the time of day an issue is due
 * @param zone the zone in which dates are days and the send time is read
 */
public record Schedule(LocalTime sendTime, ZoneId zone) {
  public Schedule {
    Objects.requireNonNull(sendTime, "sendTime");
    Objects.requireNonNull(zone, "zone");
  }

  /** The day {@code now} falls on in the site's zone. */
  public LocalDate today(Instant now) {
    return LocalDate.ofInstant(now, zone);
  }

  /**
   * When the issue of {@code date} is due. A send time that a clock change skips that day is due
   * the same length of time later (02:30 on a day that jumps from 02:00 to 03:00 is 03:30).
   */
  public ZonedDateTime dueAt(LocalDate date) {
    return date.atTime(sendTime).atZone(zone);
  }
}
