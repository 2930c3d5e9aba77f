package press.callback.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuotedPrintableTest {
  private static String qp(String s) {
    return new String(QuotedPrintable.encode(s), StandardCharsets.US_ASCII);
  }

  @Test
  void encodesWhatMustBeEncoded() {
    assertThat(qp("a=b")).isEqualTo("a=3Db");
    assertThat(qp("café")).isEqualTo("caf=C3=A9");
    assertThat(qp("trailing space \nnext\t\n")).isEqualTo("trailing space=20\r\nnext=09\r\n");
    assertThat(qp("a\r\nb")).isEqualTo("a\r\nb");
    assertThat(qp("x".repeat(80))).isEqualTo("x".repeat(75) + "=\r\n" + "x".repeat(5));
    assertThat(qp("x".repeat(76))).isEqualTo("x".repeat(76));
    assertThat(qp("x".repeat(74) + "é")).isEqualTo("x".repeat(74) + "=\r\n=C3=A9");
  }

  @Test
  void roundTripsThroughJakartaMailsDecoderWithShortLines() throws Exception {
    Random random = new Random(42);
    String alphabet = "ab =\t.é“”\n€😀-_xyz0123456789";
    int[] codePoints = alphabet.codePoints().toArray();
    for (int t = 0; t < 5000; t++) {
      StringBuilder sb = new StringBuilder();
      for (int i = random.nextInt(300); i > 0; i--) {
        sb.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
      }
      String text = sb.toString();
      byte[] encoded = QuotedPrintable.encode(text);
      String ascii = new String(encoded, StandardCharsets.US_ASCII);
      for (String line : ascii.split("\r\n", -1)) {
        assertThat(line.length()).isLessThanOrEqualTo(76);
        assertThat(line).doesNotEndWith(" ").doesNotEndWith("\t").doesNotContain("\n").doesNotContain("\r");
      }
      byte[] decoded = MimeUtility.decode(new ByteArrayInputStream(encoded), "quoted-printable").readAllBytes();
      assertThat(new String(decoded, StandardCharsets.UTF_8)).isEqualTo(text.replace("\n", "\r\n"));
    }
  }
}
