package press.callback.list;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Each issue's bounce and complaint rates, and what they mean to the big mailbox providers: Gmail
 * asks bulk senders to keep spam complaints below 0.1% and refuses their mail at 0.3%; a bounce
 * rate above 2% says the list holds dead addresses. Pure: counts in, rows out.
 */
public final class IssueRates {
  /** Complaints above this share: a warning (Gmail's guideline). */
  public static final double COMPLAINTS_WARN = 0.001;
  /** Complaints at or above this share: Gmail may refuse the list's mail. */
  public static final double COMPLAINTS_LIMIT = 0.003;
  /** Hard bounces above this share: the list needs cleaning. */
  public static final double BOUNCES_WARN = 0.02;

  /** One issue's figures; rates are shares of {@code sent} (0 when nothing was sent). */
  public record Row(String issue, int sent, int hardBounces, int softBounces, int complaints, Optional<String> warning) {
    public double bounceRate() {
      return sent == 0 ? 0 : (double) hardBounces / sent;
    }

    public double complaintRate() {
      return sent == 0 ? 0 : (double) complaints / sent;
    }
  }

  private IssueRates() {}

  /**
   * The rows of every issue that was sent or got reports, oldest first (issue ids sort by date).
   *
   * @param sent how many messages each issue's sends had accepted (250)
   * @param reports {@link ListStore#feedbackByIssue()}
   */
  public static List<Row> of(Map<String, Integer> sent, Map<String, Map<Feedback.Kind, Integer>> reports) {
    TreeSet<String> issues = new TreeSet<>(sent.keySet());
    issues.addAll(reports.keySet());
    List<Row> rows = new ArrayList<>();
    for (String issue : issues) {
      Map<Feedback.Kind, Integer> r = reports.getOrDefault(issue, Map.of());
      int n = sent.getOrDefault(issue, 0);
      int hard = r.getOrDefault(Feedback.Kind.HARD_BOUNCE, 0);
      int complaints = r.getOrDefault(Feedback.Kind.COMPLAINT, 0);
      rows.add(new Row(issue, n, hard, r.getOrDefault(Feedback.Kind.SOFT_BOUNCE, 0), complaints,
          warning(n, hard, complaints)));
    }
    return rows;
  }

  private static Optional<String> warning(int sent, int hard, int complaints) {
    if (sent == 0) {
      return hard + complaints > 0 ? Optional.of("reports for an issue with no send on record") : Optional.empty();
    }
    List<String> say = new ArrayList<>();
    double c = (double) complaints / sent;
    if (c >= COMPLAINTS_LIMIT) {
      say.add("complaints at or above 0.3%: Gmail may refuse the list's mail");
    } else if (c > COMPLAINTS_WARN) {
      say.add("complaints above 0.1%: Gmail asks bulk senders to stay below it");
    }
    if ((double) hard / sent > BOUNCES_WARN) {
      say.add("hard bounces above 2%: the list holds dead addresses");
    }
    return say.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", say));
  }
}
