package press.callback.mail;

/**
 * One row of the subscriber list.
 *
 * @param line the row's line in the CSV file (the header is line 1)
 * @param email the address as written (validated)
 * @param name the name to greet, without control characters, or empty
 * @param status subscribed, unsubscribed, bounced or complained
 * @param memberId the member's id in the list store, or 0 for a row of a CSV list
 */
public record Subscriber(int line, String email, String name, Status status, long memberId) {
  /** A row of a CSV list. */
  public Subscriber(int line, String email, String name, Status status) {
    this(line, email, name, status, 0);
  }

  /**
   * The longest name (in characters) that is used; a longer one is left out of the greeting and
   * the To header, whose lines mail limits to 998 octets.
   */
  public static final int MAX_NAME = 100;

  /** A subscriber's standing. Only {@link #SUBSCRIBED} rows get mail. */
  public enum Status {
    SUBSCRIBED,
    UNSUBSCRIBED,
    BOUNCED,
    /** The reader marked an email as spam: never mailed again. */
    COMPLAINED;

    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The address in lower case: how duplicates and the ledger compare addresses. */
  public String key() {
    return email.toLowerCase(java.util.Locale.ROOT);
  }
}
