package press.callback.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParameterList;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import press.callback.newsletter.Email;

/**
 * Writes a complete RFC 5322 message: {@code multipart/alternative} with the text part first,
 * then the HTML, both UTF-8 and quoted-printable (so no line exceeds 76 characters), with the
 * list headers mail providers need for one-click unsubscribe (none on a transactional message).
 *
 * <p>Deterministic: the same input gives the same bytes (fixed boundary, date and Message-ID).
 */
public final class MimeWriter {
  private static final Session SESSION = Session.getInstance(new Properties());
  /** The longest line a header should have (RFC 5322 2.1.1), and the longest it may have. */
  private static final int LINE = 78;
  private static final int MAX_LINE = 998;
  /**
   * The Date header as RFC 5322 3.3 writes it: {@code Mon, 30 Nov 2026 13:00:00 +0000}. Not
   * {@link DateTimeFormatter#RFC_1123_DATE_TIME}, which writes a zero offset as {@code GMT}, a
   * zone name RFC 5322 4.3 lists as obsolete. English names whatever the default locale.
   */
  static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
      .appendText(ChronoField.DAY_OF_WEEK, Map.of(1L, "Mon", 2L, "Tue", 3L, "Wed", 4L, "Thu", 5L, "Fri", 6L, "Sat", 7L, "Sun"))
      .appendLiteral(", ")
      .appendValue(ChronoField.DAY_OF_MONTH)
      .appendLiteral(' ')
      .appendText(ChronoField.MONTH_OF_YEAR, Map.ofEntries(Map.entry(1L, "Jan"), Map.entry(2L, "Feb"),
          Map.entry(3L, "Mar"), Map.entry(4L, "Apr"), Map.entry(5L, "May"), Map.entry(6L, "Jun"),
          Map.entry(7L, "Jul"), Map.entry(8L, "Aug"), Map.entry(9L, "Sep"), Map.entry(10L, "Oct"),
          Map.entry(11L, "Nov"), Map.entry(12L, "Dec")))
      .appendLiteral(' ')
      .appendValue(ChronoField.YEAR, 4)
      .appendLiteral(' ')
      .appendPattern("HH:mm:ss")
      .appendLiteral(' ')
      .appendOffset("+HHMM", "+0000")
      .toFormatter(Locale.ROOT);

  private MimeWriter() {}

  /**
   * The message as bytes with CRLF line ends.
   *
   * @throws IllegalArgumentException if an address in the envelope is not an email address
   */
  public static byte[] write(Envelope env, String text, String html) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      message(env, text, html).writeTo(out);
      return out.toByteArray();
    } catch (MessagingException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An email the newsletter built (an issue's or a list email), as the message the bake writes
   * ({@code email.eml}): bytes with CRLF line ends; list headers unless it is transactional.
   *
   * @throws IllegalArgumentException if an address in its headers is not an email address
   */
  public static byte[] write(Email email) {
    Email.Headers h = email.headers();
    Envelope env = h.isTransactional()
        ? Envelope.transactional(h.from(), h.replyTo(), h.subject(), h.date(), h.messageId())
        : new Envelope(h.from(), h.replyTo(), h.subject(), h.date(), h.messageId(), h.listId(),
            h.unsubscribeUrl(), h.unsubscribeMailto());
    return write(env, email.text(), email.html());
  }

  /**
   * The message itself, headers set and parts encoded, ready to send or write.
   *
   * @throws IllegalArgumentException if an address in the envelope is not an email address
   */
  public static MimeMessage message(Envelope env, String text, String html) {
    return message(env, QuotedPrintable.encode(text), QuotedPrintable.encode(html), boundary(text, html));
  }

  /**
   * The message from parts already encoded as quoted-printable (CRLF line ends), with the given
   * boundary: what {@link Personalizer} uses to build thousands of messages fast.
   */
  static MimeMessage message(Envelope env, byte[] textQp, byte[] htmlQp, String boundary) {
    try {
      MimeMessage message = new StableMessage(env.messageId());
      message.setFrom(address(env.from(), "newsletter.from"));
      if (env.replyTo() != null && !env.replyTo().isBlank()) {
        message.setReplyTo(new InternetAddress[] {address(env.replyTo(), "newsletter.reply_to")});
      }
      if (env.to() != null) {
        message.setRecipient(jakarta.mail.Message.RecipientType.TO, env.to());
      }
      message.setHeader("Subject", subject(env.subject()));
      message.setHeader("Date", DATE.format(env.date()));
      if (!env.isTransactional()) {
        message.setHeader("List-Id", MimeUtility.fold(9, env.listId()));
        message.setHeader("List-Unsubscribe",
            MimeUtility.fold(18, "<" + env.unsubscribeUrl() + ">, <" + env.unsubscribeMailto() + ">"));
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
      }

      MimeMultipart alternative = new StableMultipart(boundary);
      alternative.addBodyPart(part(textQp, "text/plain"));
      alternative.addBodyPart(part(htmlQp, "text/html"));
      message.setContent(alternative);
      message.saveChanges();
      requireShortHeaderLines(message);
      return message;
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * The Subject header's value, encoded if it is not ASCII and folded. A run without spaces too
   * long to fold becomes several encoded words, which fold between them and decode back to the
   * same text.
   */
  static String subject(String subject) throws UnsupportedEncodingException {
    String folded = MimeUtility.fold(9, MimeUtility.encodeText(subject, "UTF-8", null));
    if (longestLine(folded) <= LINE) {
      return folded;
    }
    StringBuilder words = new StringBuilder();
    for (int i = 0; i < subject.length(); ) {
      int end = i;
      for (int bytes = 0; end < subject.length(); ) {
        int cp = subject.codePointAt(end);
        int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        if (bytes + n > 39) { // 52 characters of base64: a word of 64 fits a line after "Subject: "
          break;
        }
        bytes += n;
        end += Character.charCount(cp);
      }
      words.append(words.isEmpty() ? "" : " ").append("=?UTF-8?B?")
          .append(Base64.getEncoder().encodeToString(subject.substring(i, end).getBytes(StandardCharsets.UTF_8)))
          .append("?=");
      i = end;
    }
    return MimeUtility.fold(9, words.toString());
  }

  /** RFC 5322 2.1.1: a line must not exceed 998 octets; a header that would is refused, not sent. */
  private static void requireShortHeaderLines(MimeMessage message) throws MessagingException {
    for (Enumeration<String> lines = message.getAllHeaderLines(); lines.hasMoreElements(); ) {
      String header = lines.nextElement();
      int longest = longestLine(header);
      if (longest > MAX_LINE) {
        throw new IllegalArgumentException("the " + header.substring(0, Math.max(0, header.indexOf(':')))
            + " header would have a line of " + longest + " octets; mail allows " + MAX_LINE);
      }
    }
  }

  private static int longestLine(String folded) {
    int longest = 0;
    for (String line : folded.split("\r\n")) {
      longest = Math.max(longest, line.getBytes(StandardCharsets.UTF_8).length);
    }
    return longest;
  }

  /** A Message-ID local part derived from the content: same content, same id. */
  public static String contentId(String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String p : parts) {
        sha.update(p.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InternetAddress address(String value, String setting) throws AddressException {
    try {
      InternetAddress a = new InternetAddress(value, true);
      a.setPersonal(a.getPersonal(), "UTF-8");
      return a;
    } catch (AddressException e) {
      throw new AddressException(setting + " is not an email address: " + value);
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static MimeBodyPart part(byte[] quotedPrintable, String type) throws MessagingException {
    InternetHeaders headers = new InternetHeaders();
    headers.setHeader("Content-Type", type + "; charset=UTF-8");
    headers.setHeader("Content-Transfer-Encoding", "quoted-printable");
    return new MimeBodyPart(headers, quotedPrintable);
  }

  static String boundary(String text, String html) {
    return "=_press_" + contentId(text, html);
  }

  /**
   * Sets the envelope sender (SMTP's MAIL FROM, which becomes the Return-Path) of a message made
   * here, leaving its From header alone. Without it the sender is the From address.
   */
  static void setEnvelopeSender(MimeMessage message, String address) {
    ((StableMessage) message).setEnvelopeFrom(address);
  }

  /**
   * A message whose Message-ID is ours, not a random one. An Angus {@code SMTPMessage}: it carries
   * its own envelope sender, so each message of a send can have its own (VERP).
   */
  private static final class StableMessage extends org.eclipse.angus.mail.smtp.SMTPMessage {
    private final String id;

    StableMessage(String id) {
      super(SESSION);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", "<" + id + ">");
    }
  }

  /** A multipart with a fixed boundary. */
  private static final class StableMultipart extends MimeMultipart {
    StableMultipart(String boundary) {
      super("alternative");
      ParameterList params = new ParameterList();
      params.set("boundary", boundary);
      contentType = new ContentType("multipart", "alternative", params).toString();
    }
  }
}
