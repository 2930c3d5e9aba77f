package press.callback.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IssueRatesTest {
  @Test
  void ratesAreSharesOfWhatWasSentAndWarnAtGmailsThresholds() {
    List<IssueRates.Row> rows = IssueRates.of(
        Map.of("2026-11-16", 10_000, "2026-11-23", 10_000, "2026-11-30", 10_000, "2026-12-07", 1_000),
        Map.of(
            "2026-11-16", Map.of(Feedback.Kind.COMPLAINT, 10, Feedback.Kind.HARD_BOUNCE, 200),
            "2026-11-23", Map.of(Feedback.Kind.COMPLAINT, 11, Feedback.Kind.SOFT_BOUNCE, 4),
            "2026-11-30", Map.of(Feedback.Kind.COMPLAINT, 30, Feedback.Kind.HARD_BOUNCE, 201)));

    assertThat(rows).extracting(IssueRates.Row::issue).containsExactly("2026-11-16", "2026-11-23", "2026-11-30", "2026-12-07");
    assertThat(rows.get(0).warning()).as("0.1% and 2% exactly: at the line, not over").isEmpty();
    assertThat(rows.get(0).complaintRate()).isEqualTo(0.001);
    assertThat(rows.get(1).warning()).contains("complaints above 0.1%: Gmail asks bulk senders to stay below it");
    assertThat(rows.get(1).softBounces()).isEqualTo(4);
    assertThat(rows.get(2).warning()).contains("complaints at or above 0.3%: Gmail may refuse the list's mail;"
        + " hard bounces above 2%: the list holds dead addresses");
    assertThat(rows.get(3)).isEqualTo(new IssueRates.Row("2026-12-07", 1_000, 0, 0, 0, Optional.empty()));
  }

  @Test
  void reportsOfAnIssueNeverSentAreShownAndFlagged() {
    List<IssueRates.Row> rows = IssueRates.of(Map.of(), Map.of("2026-11-30", Map.of(Feedback.Kind.HARD_BOUNCE, 1)));

    assertThat(rows).singleElement().satisfies(r -> {
      assertThat(r.bounceRate()).isZero();
      assertThat(r.warning()).contains("reports for an issue with no send on record");
    });
  }
}
