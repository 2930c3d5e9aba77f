package press.callback.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SmtpServerTest {
  @Test
  void requiresTlsForHostsThatAreNotLoopback() {
    assertThat(SmtpServer.parse("smtp://mail.example.org", null, false).description())
        .isEqualTo("smtp://mail.example.org:587 (STARTTLS)");
    assertThat(SmtpServer.parse("smtps://mail.example.org", null, false).description())
        .isEqualTo("smtps://mail.example.org:465");
    assertThat(SmtpServer.parse("smtp://mail.example.org:25", null, true).description())
        .isEqualTo("smtp://mail.example.org:25");
    assertThat(SmtpServer.parse("smtp://127.0.0.1:2525", null, false).description())
        .isEqualTo("smtp://127.0.0.1:2525");
  }

  @Test
  void takesThePasswordOnlyFromTheEnvironment() {
    assertThatThrownBy(() -> SmtpServer.parse("smtp://ann@mail.example.org", null, false))
        .hasMessage("set PRESS_SMTP_PASSWORD to the password of ann");
    assertThatThrownBy(() -> SmtpServer.parse("smtp://ann:secret@mail.example.org", "x", false))
        .hasMessage("put the password in PRESS_SMTP_PASSWORD, not in the URL");
    assertThat(SmtpServer.parse("smtp://ann%40corp@mail.example.org", "pw", false).id())
        .isEqualTo("smtp-mail.example.org-587");
  }

  @Test
  void rejectsOtherSchemes() {
    assertThatThrownBy(() -> SmtpServer.parse("http://mail.example.org", null, false))
        .hasMessageContaining("must start with smtp://");
    assertThatThrownBy(() -> SmtpServer.parse("smtp://", null, false)).hasMessageContaining("not an SMTP address");
    assertThatThrownBy(() -> SmtpServer.parse("smtp:/relative", null, false)).hasMessageContaining("names no host");
  }
}
