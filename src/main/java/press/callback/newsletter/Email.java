package press.callback.newsletter;

import java.time.ZonedDateTime;

/**
 * One email as built, before MIME: an issue's or a list email's two parts and its headers. The
 * MIME message ({@code email.eml}) is written from it at the edge.
 *
 * @param html {@code email.html}: inlined, absolute, with the preheader
 * @param text {@code email.txt}: the plain-text part
 * @param headers what goes in the message's header
 */
public record Email(String html, String text, Headers headers) {

  /**
   * The headers of an email.
   *
   * @param from the sender, {@code Name <address>}
   * @param replyTo where replies go, or empty
   * @param subject the subject
   * @param date the send time
   * @param messageId the Message-ID without angle brackets ({@code id@host}), made from the content
   * @param listId the List-Id, {@code Name <list.id.host>}, or {@code null} for a transactional
   *     email (a list's confirmation or welcome), which has no list headers at all
   * @param unsubscribeUrl the one-click https unsubscribe address, or {@code null} (transactional)
   * @param unsubscribeMailto the mailto unsubscribe address ({@code mailto:…}), or {@code null}
   */
  public record Headers(
      String from,
      String replyTo,
      String subject,
      ZonedDateTime date,
      String messageId,
      String listId,
      String unsubscribeUrl,
      String unsubscribeMailto) {

    /** The headers of a transactional email: no List-Id, List-Unsubscribe or List-Unsubscribe-Post. */
    public static Headers transactional(String from, String replyTo, String subject, ZonedDateTime date, String messageId) {
      return new Headers(from, replyTo, subject, date, messageId, null, null, null);
    }

    /** Whether the email has no list headers (see {@link #transactional}). */
    public boolean isTransactional() {
      return listId == null;
    }
  }
}
