package press.callback.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MimeWriterTest {
  private static final Envelope ENVELOPE = new Envelope(
      "Callback Press <weekly@x.test>",
      "Hello <hello@x.test>",
      "Café talk — “quotes” & ümlauts",
      ZonedDateTime.of(2026, 11, 30, 8, 0, 0, 0, ZoneId.of("America/New_York")),
      "2026-11-30.abc@x.test",
      "Weekly <weekly.x.test>",
      "https://x.test/unsubscribe/?token={{token}}",
      "mailto:unsubscribe@x.test?subject=unsubscribe%20{{token}}");
  private static final String TEXT = "Hello {{name}},\n\nA line with ümlauts and a long one: " + "word ".repeat(300) + "\n";
  private static final String HTML = "<!DOCTYPE html><html><body><p>Hello {{name}}, " + "ü".repeat(600) + "</p></body></html>";

  @Test
  void writesAZeroOffsetAsPlusZeroNotTheObsoleteGmt() {
    // RFC 5322 3.3: zone = ("+" / "-") 4DIGIT; "GMT" is in the obsolete syntax (4.3).
    assertThat(MimeWriter.DATE.format(ZonedDateTime.of(2026, 12, 7, 8, 0, 0, 0, ZoneId.of("UTC"))))
        .isEqualTo("Mon, 7 Dec 2026 08:00:00 +0000");
    assertThat(MimeWriter.DATE.format(ZonedDateTime.of(2026, 9, 3, 17, 5, 9, 0, ZoneId.of("Asia/Kolkata"))))
        .isEqualTo("Thu, 3 Sep 2026 17:05:09 +0530");
  }

  @Test
  void writesAMultipartAlternativeThatParsesBack() throws Exception {
    byte[] eml = MimeWriter.write(ENVELOPE, TEXT, HTML);
    MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(eml));
    assertThat(m.getSubject()).isEqualTo("Café talk — “quotes” & ümlauts");
    assertThat(((InternetAddress) m.getFrom()[0]).getAddress()).isEqualTo("weekly@x.test");
    assertThat(((InternetAddress) m.getReplyTo()[0]).getAddress()).isEqualTo("hello@x.test");
    assertThat(m.getHeader("Date", null)).isEqualTo("Mon, 30 Nov 2026 08:00:00 -0500");
    assertThat(m.getMessageID()).isEqualTo("<2026-11-30.abc@x.test>");
    assertThat(m.getHeader("List-Id", null)).isEqualTo("Weekly <weekly.x.test>");
    assertThat(m.getHeader("List-Unsubscribe", null).replaceAll("\\r\\n\\s+", " "))
        .isEqualTo("<https://x.test/unsubscribe/?token={{token}}>, <mailto:unsubscribe@x.test?subject=unsubscribe%20{{token}}>");
    assertThat(m.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
    assertThat(m.getContentType()).startsWith("multipart/alternative;");
    MimeMultipart parts = (MimeMultipart) m.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType()).isEqualTo("text/plain; charset=UTF-8");
    assertThat(parts.getBodyPart(1).getContentType()).isEqualTo("text/html; charset=UTF-8");
    assertThat(parts.getBodyPart(0).getHeader("Content-Transfer-Encoding")).containsExactly("quoted-printable");
    assertThat(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n")).isEqualTo(TEXT);
    assertThat(((String) parts.getBodyPart(1).getContent())).isEqualTo(HTML);
  }

  @Test
  void aSubjectWithoutSpacesIsEncodedSoHeaderLinesStayShort() throws Exception {
    for (String subject : new String[] {"z".repeat(3000), "x".repeat(1500) + "é" + "y".repeat(1500)}) {
      byte[] eml = MimeWriter.write(new Envelope(ENVELOPE.from(), ENVELOPE.replyTo(), subject, ENVELOPE.date(),
          ENVELOPE.messageId(), ENVELOPE.listId(), ENVELOPE.unsubscribeUrl(), ENVELOPE.unsubscribeMailto()), TEXT, HTML);
      String raw = new String(eml, StandardCharsets.US_ASCII);
      for (String line : raw.substring(0, raw.indexOf("\r\n\r\n")).split("\r\n")) {
        assertThat(line.length()).isLessThanOrEqualTo(78);
      }
      assertThat(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(eml)).getSubject())
          .isEqualTo(subject);
    }
  }

  @Test
  void keepsEveryLineShortAndEndsLinesWithCrlf() {
    String eml = new String(MimeWriter.write(ENVELOPE, TEXT, HTML), StandardCharsets.US_ASCII);
    for (String line : eml.split("\r\n", -1)) {
      assertThat(line.length()).isLessThanOrEqualTo(998);
      assertThat(line).doesNotContain("\n");
    }
    assertThat(eml).doesNotContain("ü"); // 7-bit on the wire
  }

  @Test
  void isDeterministic() {
    assertThat(MimeWriter.write(ENVELOPE, TEXT, HTML)).isEqualTo(MimeWriter.write(ENVELOPE, TEXT, HTML));
    assertThat(MimeWriter.contentId("a", "b")).isEqualTo(MimeWriter.contentId("a", "b")).isNotEqualTo(MimeWriter.contentId("ab", ""));
  }
}
