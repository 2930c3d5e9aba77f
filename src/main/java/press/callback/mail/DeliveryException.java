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
  private final boolean atRecipient;

  public DeliveryException(Kind kind, int code, String reply, Throwable cause) {
    this(kind, code, reply, cause, false);
  }

  /**
   * @param atRecipient the reply was the server's answer to this recipient's RCPT command (not to
   *     the connection, MAIL FROM or the message's data)
   */
  public DeliveryException(Kind kind, int code, String reply, Throwable cause, boolean atRecipient) {
    super(reply, cause);
    this.kind = kind;
    this.code = code;
    this.atRecipient = atRecipient;
  }

  /**
   * Whether the server refused this recipient's address for good at RCPT time (a 5xx such as
   * {@code 550 5.1.1 user unknown}): the address is dead, as a hard bounce says. See {@link
   * DeadAddress}.
   */
  public boolean addressGone() {
    return kind == Kind.PERMANENT && atRecipient && DeadAddress.isDead(code, reply());
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
