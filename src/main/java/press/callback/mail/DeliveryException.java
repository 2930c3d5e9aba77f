package press.callback.mail;

/** A message that did not get through, and whether trying again may help. */
public final class DeliveryException extends Exception {
  private static final long serialVersionUID = 1L;

  /** How a delivery failed. */
  public enum Kind {
    /** 4xx: try again later. */
    TEMPORARY,
    /** 5xx: do not try again. */
    PERMANENT,
    /** The connection broke or could not be made, before the message's end went out: reconnect and try again. */
    CONNECTION,
    /**
     * The connection broke after the message's end went out, before the server answered: it may
     * have the message. Never sent again unless the author asks (a duplicate is worse than a gap).
     */
    UNCERTAIN,
    /** The destination itself is unusable (login refused, no TLS): stop the whole send. */
    SETUP
  }

  private final Kind kind;
  private final int code;

  public DeliveryException(Kind kind, int code, String reply, Throwable cause) {
    super(reply, cause);
    this.kind = kind;
    this.code = code;
  }

  public Kind kind() {
    return kind;
  }

  /** The server's reply code, or 0 if there was none. */
  public int code() {
    return code;
  }

  /** The server's reply (or what went wrong), one line. */
  public String reply() {
    return getMessage() == null ? "" : getMessage().replaceAll("\\s+", " ").strip();
  }
}
