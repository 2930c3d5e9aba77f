package press.callback.list.hooks;

/**
 * A webhook request that is not taken: malformed (400), without valid credentials (401) or signed
 * by someone else, for another topic or replayed (403). The message says why, for the relay's
 * delivery log; it never holds an address.
 */
public final class Refused extends Exception {
  private static final long serialVersionUID = 1L;

  /** The HTTP status that goes back. */
  private final int status;

  public Refused(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }

  static Refused malformed(String message) {
    return new Refused(400, message);
  }

  static Refused forbidden(String message) {
    return new Refused(403, message);
  }
}
