package press.callback.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which baked issue is due when: the pure decision behind {@code press send --due}. */
class DueIssueTest {
  private static final Schedule UTC = new Schedule(LocalTime.of(8, 0), ZoneId.of("UTC"));
  private static final Schedule NEW_YORK = new Schedule(LocalTime.of(8, 0), ZoneId.of("America/New_York"));
  private static final BakedIssue NOV_30 = new BakedIssue("2026-11-30", LocalDate.of(2026, 11, 30));
  private static final BakedIssue DEC_07 = new BakedIssue("2026-12-07", LocalDate.of(2026, 12, 7));
  private static final BakedIssue DEC_14 = new BakedIssue("2026-12-14", LocalDate.of(2026, 12, 14));
  private static final List<BakedIssue> ISSUES = List.of(NOV_30, DEC_07, DEC_14);

  private static DueIssue.Decision at(Schedule schedule, String instant, boolean early) {
    return DueIssue.decide(ISSUES, schedule, Instant.parse(instant), early);
  }

  @Test
  void todaysIssueIsDueFromItsSendTimeOn() {
    ZonedDateTime eight = ZonedDateTime.parse("2026-12-07T08:00Z[UTC]");
    assertThat(at(UTC, "2026-12-07T07:59:59Z", false))
        .isEqualTo(new DueIssue.NotYet(DEC_07, eight, Duration.ofSeconds(1)));
    assertThat(at(UTC, "2026-12-07T08:00:00Z", false)).isEqualTo(new DueIssue.Due(DEC_07, eight));
    assertThat(at(UTC, "2026-12-07T23:59:59Z", false)).isEqualTo(new DueIssue.Due(DEC_07, eight));
  }

  @Test
  void earlySendsTodaysIssueBeforeItsTimeButNotTomorrows() {
    assertThat(at(UTC, "2026-12-07T00:00:00Z", true))
        .isEqualTo(new DueIssue.Due(DEC_07, ZonedDateTime.parse("2026-12-07T08:00Z[UTC]")));
    assertThat(at(UTC, "2026-12-06T23:59:59Z", true)).isInstanceOf(DueIssue.NoneToday.class);
  }

  @Test
  void onADayWithoutAnIssueItNamesThePastAndTheNextOne() {
    assertThat(at(UTC, "2026-12-08T08:00:00Z", false))
        .isEqualTo(new DueIssue.NoneToday(LocalDate.of(2026, 12, 8), Optional.of(DEC_07), Optional.of(DEC_14)));
    assertThat(at(UTC, "2026-11-01T08:00:00Z", false))
        .isEqualTo(new DueIssue.NoneToday(LocalDate.of(2026, 11, 1), Optional.empty(), Optional.of(NOV_30)));
    assertThat(DueIssue.decide(List.of(), UTC, Instant.parse("2026-12-07T09:00:00Z"), false))
        .isEqualTo(new DueIssue.NoneToday(LocalDate.of(2026, 12, 7), Optional.empty(), Optional.empty()));
  }

  @Test
  void todayAndTheSendTimeAreTheSitesZones() {
    ZonedDateTime eight = ZonedDateTime.parse("2026-12-07T08:00-05:00[America/New_York]");
    // 12:00 UTC is 07:00 in New York
    assertThat(at(NEW_YORK, "2026-12-07T12:00:00Z", false))
        .isEqualTo(new DueIssue.NotYet(DEC_07, eight, Duration.ofHours(1)));
    // 02:00 UTC on the 8th is still the 7th in New York
    assertThat(at(NEW_YORK, "2026-12-08T02:00:00Z", false)).isEqualTo(new DueIssue.Due(DEC_07, eight));
    // 03:00 UTC on the 7th is the 6th in New York
    assertThat(at(NEW_YORK, "2026-12-07T03:00:00Z", true)).isInstanceOf(DueIssue.NoneToday.class);
  }

  @Test
  void aSendTimeThatTheClockSkipsIsLaterByTheGap() {
    // 2027-03-14 in New York: 02:00 is followed by 03:00
    Schedule halfPastTwo = new Schedule(LocalTime.of(2, 30), ZoneId.of("America/New_York"));
    assertThat(halfPastTwo.dueAt(LocalDate.of(2027, 3, 14)).toInstant()).isEqualTo(Instant.parse("2027-03-14T07:30:00Z"));
  }
}
