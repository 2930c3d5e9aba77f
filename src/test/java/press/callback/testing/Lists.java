package press.callback.testing;

import java.util.ArrayList;
import java.util.List;

/** Subscriber lists for send tests. */
public final class Lists {
  /** A list and what it must produce. */
  public record SubscriberCsv(String csv, List<String> subscribed) {}

  private Lists() {}

  /**
   * {@code subscribed} valid subscribers ({@code s0@example.org} …), plus unsubscribed, bounced,
   * invalid and duplicate rows that must get nothing.
   */
  public static SubscriberCsv mixed(int subscribed, int unsubscribed, int bounced, int invalid, int duplicates) {
    StringBuilder csv = new StringBuilder("email,name,status\n");
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < subscribed; i++) {
      String a = "s" + i + "@example.org";
      expected.add(a);
      csv.append(a).append(",").append(i % 3 == 0 ? "" : "Name " + i).append(",subscribed\n");
    }
    for (int i = 0; i < unsubscribed; i++) {
      csv.append("u").append(i).append("@example.org,U,unsubscribed\n");
    }
    for (int i = 0; i < bounced; i++) {
      csv.append("b").append(i).append("@example.org,B,bounced\n");
    }
    for (int i = 0; i < invalid; i++) {
      csv.append("not-an-address-").append(i).append(",I,subscribed\n");
    }
    for (int i = 0; i < duplicates; i++) {
      csv.append("S").append(i).append("@EXAMPLE.org,Dup,subscribed\n");
    }
    return new SubscriberCsv(csv.toString(), expected);
  }
}
