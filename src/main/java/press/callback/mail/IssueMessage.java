package press.callback.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An issue's {@code email.eml}, read back: the headers and the two parts, decoded, with their
 * {@code {{name}}} and {@code {{token}}} placeholders still in them. Reads a list's transactional
 * emails too ({@code {{confirm_url}}}, {@code {{manage_url}}} left in them).
 *
 * @param id the issue ({@code 2026-11-30})
 * @param from the From header
 * @param replyTo the Reply-To header, or empty
 * @param subject the decoded subject
 * @param listId the List-Id header ({@code Name <id>}); empty for a {@link #transactional()} one
 * @param unsubscribeUrl the https List-Unsubscribe address, with {@code {{token}}}; or empty
 * @param unsubscribeMailto the mailto one, with {@code {{token}}}; or empty
 * @param host the domain of the issue's Message-ID
 * @param text the plain-text part
 * @param html the HTML part
 */
public record IssueMessage(
    String id,
    String from,
    String replyTo,
    String subject,
    String listId,
    String unsubscribeUrl,
    String unsubscribeMailto,
    String host,
    String text,
    String html) {

  private static final Pattern ANGLE = Pattern.compile("<([^>]*)>");

  /**
   * Whether this is a transactional message (a list's confirmation, already-subscribed or welcome
   * email): no List-Id, no unsubscribe addresses (both empty), never sent to the list.
   */
  public boolean transactional() {
    return listId.isEmpty();
  }

  /** The id inside the List-Id's angle brackets: what unsubscribe tokens are made for. */
  public String listKey() {
    Matcher m = ANGLE.matcher(listId);
    return m.find() ? m.group(1) : listId;
  }

  /**
   * Reads an issue's message.
   *
   * @throws IOException if the file cannot be read or is not an issue built by press
   */
  public static IssueMessage read(String id, InputStream in) throws IOException {
    try {
      MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
      String listId = header(m, "List-Id");
      String unsubscribe = header(m, "List-Unsubscribe");
      String https = null;
      String mailto = null;
      Matcher a = ANGLE.matcher(unsubscribe);
      while (a.find()) {
        String v = a.group(1).strip();
        if (v.startsWith("https:")) {
          https = v;
        } else if (v.startsWith("mailto:")) {
          mailto = v;
        }
      }
      // A list's confirmation or welcome email (target/newsletter/list/<name>/) has no list
      // headers at all; an issue has all of them.
      boolean transactional = listId.isEmpty() && unsubscribe.isEmpty() && header(m, "List-Unsubscribe-Post").isEmpty();
      if (!transactional && (listId.isEmpty() || https == null || mailto == null)
          || !(m.getContent() instanceof MimeMultipart parts) || parts.getCount() != 2) {
        throw new IOException("not a newsletter message built by press (List-Id, List-Unsubscribe or parts missing)");
      }
      String messageId = header(m, "Message-ID");
      String host = messageId.contains("@") ? messageId.substring(messageId.indexOf('@') + 1).replace(">", "").strip() : "localhost";
      String replyTo = m.getReplyTo() != null && m.getReplyTo().length > 0 && m.getHeader("Reply-To") != null
          ? ((InternetAddress) m.getReplyTo()[0]).toUnicodeString() : "";
      return new IssueMessage(
          id,
          ((InternetAddress) m.getFrom()[0]).toUnicodeString(),
          replyTo,
          m.getSubject(),
          listId,
          https == null ? "" : https,
          mailto == null ? "" : mailto,
          host,
          text(parts.getBodyPart(0)),
          text(parts.getBodyPart(1)));
    } catch (MessagingException e) {
      throw new IOException("not a readable message: " + e.getMessage(), e);
    }
  }

  /**
   * Reads one of the list's transactional emails ({@code confirm}, {@code already}, {@code
   * welcome}): built like an issue, without the list headers.
   *
   * @throws IOException if it cannot be read, or is an issue rather than a list email
   */
  public static IssueMessage readTransactional(String id, InputStream in) throws IOException {
    IssueMessage m = read(id, in);
    if (!m.transactional()) {
      throw new IOException("not a list email: it has an issue's list headers (List-Id, List-Unsubscribe)");
    }
    return m;
  }

  private static String header(MimeMessage m, String name) throws MessagingException {
    String v = m.getHeader(name, ", ");
    return v == null ? "" : MimeUtility.unfold(v).strip();
  }

  private static String text(BodyPart part) throws IOException, MessagingException {
    return ((String) part.getContent()).replace("\r\n", "\n");
  }
}
