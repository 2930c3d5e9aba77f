package press.callback.mail;

import jakarta.mail.internet.MimeMessage;

/** One worker's way to deliver messages: an SMTP connection, or the pickup folder. */
public interface MailTransport extends AutoCloseable {
  /**
   * Makes sure the transport is ready (connects if needed), before anything is recorded as being
   * sent: a message that never reached the server must not count as uncertain.
   */
  void connect() throws DeliveryException;

  /** Delivers {@code message} to {@code recipient}; returns once it was accepted. */
  void deliver(MimeMessage message, String recipient) throws DeliveryException;

  @Override
  void close();
}
