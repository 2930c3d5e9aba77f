package press.callback.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PersonalizerTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T13:00:00Z"), ZoneOffset.UTC);
  private static final UnsubscribeToken TOKENS = new UnsubscribeToken("a-secret-of-16-chars-or-more", "weekly.x.test");

  private static IssueMessage issue() throws Exception {
    String text = "Hi {{name}},\n\nA line of text that is long enough to wrap when it is encoded, with {{token}} inside.\n"
        + "Unsubscribe: https://x.test/u/?token={{token}}\n";
    String html = "<p>Hi {{name}},</p>\n<p><a href=\"https://x.test/u/?token={{token}}\">Unsubscribe</a></p>\n";
    byte[] eml = MimeWriter.write(new Envelope("Weekly <w@x.test>", "Hello <h@x.test>", "Subject “one”",
        ZonedDateTime.of(2026, 11, 30, 8, 0, 0, 0, ZoneId.of("UTC")), "2026-11-30.abc@x.test", "Weekly <weekly.x.test>",
        "https://x.test/u/?token={{token}}", "mailto:u@x.test?subject=unsubscribe%20{{token}}"), text, html);
    return IssueMessage.read("2026-11-30", new ByteArrayInputStream(eml));
  }

  private static MimeMessage parse(MimeMessage m) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.writeTo(out);
    return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(out.toByteArray()));
  }

  @Test
  void fillsNameAndTokenEverywhere() throws Exception {
    Personalizer p = new Personalizer(issue(), TOKENS, "pickup", CLOCK, false);
    MimeMessage m = parse(p.message(new Subscriber(2, "Ann@X.test", "Ann & <Co>", Subscriber.Status.SUBSCRIBED)));
    String token = TOKENS.create("ann@x.test");
    MimeMultipart parts = (MimeMultipart) m.getContent();
    assertThat(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n"))
        .isEqualTo("Hi Ann & <Co>,\n\nA line of text that is long enough to wrap when it is encoded, with " + token
            + " inside.\nUnsubscribe: https://x.test/u/?token=" + token + "\n");
    assertThat((String) parts.getBodyPart(1).getContent())
        .contains("<p>Hi Ann &amp; &lt;Co&gt;,</p>", "href=\"https://x.test/u/?token=" + token + "\"");
    assertThat(m.getHeader("List-Unsubscribe", null).replaceAll("\\s+", " "))
        .isEqualTo("<https://x.test/u/?token=" + token + ">, <mailto:u@x.test?subject=unsubscribe%20" + token + ">");
    assertThat(((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getPersonal()).isEqualTo("Ann & <Co>");
    assertThat(m.getSubject()).isEqualTo("Subject “one”");
    assertThat(m.getHeader("Date", null)).isEqualTo("Mon, 30 Nov 2026 13:00:00 +0000");
  }

  @Test
  void greetsThereWhenTheListHasNoName() throws Exception {
    MimeMessage m = parse(new Personalizer(issue(), TOKENS, "pickup", CLOCK, true)
        .message(Personalizer.tester("me@x.test")));
    assertThat((String) ((MimeMultipart) m.getContent()).getBodyPart(0).getContent()).startsWith("Hi there,");
    assertThat(m.getSubject()).isEqualTo("[TEST] Subject “one”");
  }

  @Test
  void aNameCanNeverMakeAHeader() throws Exception {
    String evil = SubscriberList.cleanName("Eve\r\nBcc: all@x.test\r\nSubject: pwned");
    MimeMessage built = new Personalizer(issue(), TOKENS, "pickup", CLOCK, false)
        .message(new Subscriber(2, "eve@x.test", evil, Subscriber.Status.SUBSCRIBED));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    built.writeTo(out);
    String raw = out.toString(StandardCharsets.US_ASCII);
    String headers = raw.substring(0, raw.indexOf("\r\n\r\n"));
    assertThat(headers).doesNotContain("\r\nBcc:").doesNotContain("\r\nSubject: pwned");
    MimeMessage m = parse(built);
    assertThat(m.getHeader("Bcc")).isNull();
    assertThat(m.getRecipients(Message.RecipientType.TO)).hasSize(1);
    assertThat(((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress()).isEqualTo("eve@x.test");
  }

  @Test
  void messageIdIsStablePerRecipientAndDestination() throws Exception {
    IssueMessage issue = issue();
    Subscriber ann = new Subscriber(2, "ann@x.test", "Ann", Subscriber.Status.SUBSCRIBED);
    Subscriber bob = new Subscriber(3, "bob@x.test", "Bob", Subscriber.Status.SUBSCRIBED);
    Personalizer pickup = new Personalizer(issue, TOKENS, "pickup", CLOCK, false);
    Personalizer smtp = new Personalizer(issue, TOKENS, "smtp-mail-587", CLOCK, false);
    assertThat(pickup.message(ann).getMessageID())
        .isEqualTo(pickup.message(ann).getMessageID())
        .isNotEqualTo(pickup.message(bob).getMessageID())
        .isNotEqualTo(smtp.message(ann).getMessageID())
        .startsWith("<2026-11-30.")
        .endsWith("@x.test>");
  }

  @Test
  void aNameTooLongForAHeaderIsNotUsed() throws Exception {
    MimeMessage built = new Personalizer(issue(), TOKENS, "pickup", CLOCK, false)
        .message(new Subscriber(2, "ann@x.test", "A".repeat(5 * 1024 * 1024), Subscriber.Status.SUBSCRIBED));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    built.writeTo(out);
    String raw = out.toString(StandardCharsets.US_ASCII);
    for (String line : raw.substring(0, raw.indexOf("\r\n\r\n")).split("\r\n")) {
      assertThat(line.length()).isLessThanOrEqualTo(998);
    }
    MimeMessage m = parse(built);
    assertThat(((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getPersonal()).isNull();
    assertThat((String) ((MimeMultipart) m.getContent()).getBodyPart(0).getContent()).startsWith("Hi there,");
  }
}
