package press.callback.mail;

import java.time.ZonedDateTime;

/**
 * The headers of a newsletter message.
 *
 * @param from the sender, {@code Name <address>}
 * @param replyTo where replies go, or empty
 * @param subject the subject
 * @param date the send time
 * @param messageId the Message-ID without angle brackets ({@code id@host})
 * @param listId the List-Id, {@code Name <list.id.host>}, or {@code null} for a transactional
 *     message (a list's confirmation or welcome email), which has no list headers at all
 * @param unsubscribeUrl the one-click https unsubscribe address, or {@code null} (transactional)
 * @param unsubscribeMailto the mailto unsubscribe address ({@code mailto:…}), or {@code null}
 * @param to the recipient, or {@code null} for the template message
 */
public record Envelope(
    String from,
    String replyTo,
    String subject,
    ZonedDateTime date,
    String messageId,
    String listId,
    String unsubscribeUrl,
    String unsubscribeMailto,
    jakarta.mail.internet.InternetAddress to) {

  /** The envelope of the template message, addressed to nobody yet. */
  public Envelope(
      String from, String replyTo, String subject, ZonedDateTime date, String messageId,
      String listId, String unsubscribeUrl, String unsubscribeMailto) {
    this(from, replyTo, subject, date, messageId, listId, unsubscribeUrl, unsubscribeMailto, null);
  }

  /**
   * The envelope of a transactional message (a confirmation, a welcome): one person's request,
   * not the list's mail, so no List-Id, List-Unsubscribe or List-Unsubscribe-Post.
   */
  public static Envelope transactional(String from, String replyTo, String subject, ZonedDateTime date, String messageId) {
    return new Envelope(from, replyTo, subject, date, messageId, null, null, null, null);
  }

  /** Whether the message has no list headers (see {@link #transactional}). */
  public boolean isTransactional() {
    return listId == null;
  }
}
