package press.callback.list.inbox;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.List;

/** A parsed message's header fields as the classifier reads them: leniently, never failing. */
final class Headers {
  private Headers() {}

  static List<String> headers(MimeMessage m, String name) {
    try {
      String[] v = m.getHeader(name);
      return v == null ? List.of() : List.of(v);
    } catch (MessagingException e) {
      return List.of();
    }
  }

  static Instant sentDate(MimeMessage m) {
    try {
      java.util.Date d = m.getSentDate();
      return d == null ? null : d.toInstant();
    } catch (MessagingException | RuntimeException e) {
      return null;
    }
  }

  static String subject(MimeMessage m) {
    List<String> raw = headers(m, "Subject");
    if (raw.isEmpty()) {
      return "";
    }
    try {
      return MimeUtility.decodeText(MimeUtility.unfold(raw.get(0))).strip();
    } catch (UnsupportedEncodingException | RuntimeException e) {
      return raw.get(0).strip();
    }
  }

  /** The sender's address and display name: {@code [null, ""]} when there is none. */
  static String[] sender(MimeMessage m) {
    List<String> raw = headers(m, "From");
    if (raw.isEmpty()) {
      return new String[] {null, ""};
    }
    try {
      InternetAddress[] a = InternetAddress.parseHeader(raw.get(0), false);
      if (a.length > 0 && a[0].getAddress() != null && a[0].getAddress().indexOf('@') > 0) {
        return new String[] {a[0].getAddress(), a[0].getPersonal() == null ? "" : a[0].getPersonal()};
      }
    } catch (MessagingException | RuntimeException e) {
      // read by hand below
    }
    return new String[] {MimeParts.address(raw.get(0)), ""};
  }

  static String firstLine(String text) {
    for (String line : text.split("\r?\n")) {
      if (!line.isBlank()) {
        return line;
      }
    }
    return "";
  }
}
