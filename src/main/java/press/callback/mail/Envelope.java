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
 * @param listId the List-Id, {@code Name <list.id.host>}
 * @param unsubscribeUrl the one-click https unsubscribe address
 * @param unsubscribeMailto the mailto unsubscribe address ({@code mailto:…})
 */
public record Envelope(
    String from,
    String replyTo,
    String subject,
    ZonedDateTime date,
    String messageId,
    String listId,
    String unsubscribeUrl,
    String unsubscribeMailto) {}
