package press.callback.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormTest {
  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsUrlencodedFieldsWithEscapesAndPlus() throws Exception {
    assertThat(Form.parse("application/x-www-form-urlencoded", bytes("email=d%40example.org&name=Dana+K%C3%B6hler&website=")))
        .isEqualTo(Map.of("email", "d@example.org", "name", "Dana Köhler", "website", ""));
  }

  @Test
  void readsTheOneClickBodyInBothEncodings() throws Exception {
    assertThat(Form.parse("application/x-www-form-urlencoded", bytes("List-Unsubscribe=One-Click")))
        .containsEntry("List-Unsubscribe", "One-Click");
    String mp = "--b0\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--b0--\r\n";
    assertThat(Form.parse("multipart/form-data; boundary=\"b0\"", bytes(mp))).isEqualTo(Map.of("List-Unsubscribe", "One-Click"));
  }

  @Test
  void refusesMalformedBodies() {
    assertThatThrownBy(() -> Form.parse("application/x-www-form-urlencoded", bytes("a=%zz"))).isInstanceOf(Form.Malformed.class);
    assertThatThrownBy(() -> Form.parse("application/x-www-form-urlencoded", bytes("a=%C3"))).isInstanceOf(Form.Malformed.class);
    assertThatThrownBy(() -> Form.parse("application/x-www-form-urlencoded", bytes("a=1&a=2"))).isInstanceOf(Form.Malformed.class);
    assertThatThrownBy(() -> Form.parse("text/plain", bytes("a=1"))).isInstanceOf(Form.Malformed.class);
    assertThatThrownBy(() -> Form.parse("multipart/form-data", bytes("--x\r\n"))).isInstanceOf(Form.Malformed.class);
    String file = "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\n\r\nx\r\n--b--\r\n";
    assertThatThrownBy(() -> Form.parse("multipart/form-data; boundary=b", bytes(file))).isInstanceOf(Form.Malformed.class);
    String unclosed = "--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nx";
    assertThatThrownBy(() -> Form.parse("multipart/form-data; boundary=b", bytes(unclosed))).isInstanceOf(Form.Malformed.class);
    assertThatThrownBy(() -> Form.parse("application/x-www-form-urlencoded", bytes("a=1&".repeat(30))))
        .isInstanceOf(Form.Malformed.class);
  }
}
