package press.callback.mail;

/** Where an issue goes: makes one transport per worker and names its ledger. */
public interface Destination {
  /** A short, file-name-safe id: each destination keeps its own ledger. */
  String id();

  /** What to tell the author: "the pickup folder target/outbox/2026-11-30". */
  String description();

  /** Whether messages leave this machine (then real unsubscribe tokens are required). */
  boolean isReal();

  /** A new transport for one worker. */
  MailTransport open() throws DeliveryException;
}
