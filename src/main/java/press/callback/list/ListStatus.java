package press.callback.list;

import java.util.Locale;
import java.util.Optional;

/** Where a member of the list stands. Only {@link #SUBSCRIBED} members get issues. */
public enum ListStatus {
  /** Signed up, not confirmed yet: gets nothing but the confirmation email. */
  PENDING,
  SUBSCRIBED,
  UNSUBSCRIBED,
  /** Mail to the address bounced for good. */
  BOUNCED,
  /** The reader marked an email as spam: never mailed again, not even a confirmation. */
  COMPLAINED;

  /** The word stored and shown: {@code subscribed}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status a word names, in any case. */
  public static Optional<ListStatus> of(String word) {
    for (ListStatus s : values()) {
      if (s.word().equalsIgnoreCase(word.strip())) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
