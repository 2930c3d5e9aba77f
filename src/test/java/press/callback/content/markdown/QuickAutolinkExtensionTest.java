package press.callback.content.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The quick test for "may hold a link", on a piece of a string, agrees with the plain scan. */
class QuickAutolinkExtensionTest {
  @Test
  void searchingAPieceOfTheSourceAgreesWithTheScan() {
    Random random = new Random(5);
    char[] alphabet = {'w', 'W', '.', ':', '/', '@', 'a', ' ', 'x'};
    int links = 0;
    for (int n = 0; n < 50_000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int i = random.nextInt(24); i > 0; i--) {
        sb.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String s = sb.toString();
      int start = random.nextInt(s.length() + 1);
      int end = start + random.nextInt(s.length() - start + 1);
      boolean expected = QuickAutolinkExtension.scan(s.substring(start, end));
      links += expected ? 1 : 0;
      assertThat(QuickAutolinkExtension.mayHoldLink(s, start, end)).as("%s [%d, %d)", s, start, end).isEqualTo(expected);
    }
    assertThat(links).isBetween(5_000, 45_000); // both answers are well exercised
  }
}
