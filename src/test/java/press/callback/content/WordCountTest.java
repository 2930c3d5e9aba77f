package press.callback.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word count of a body: runs of non-whitespace, exactly as splitting the stripped text at {@code \s+} counts them. */
class WordCountTest {
  @Test
  void countsRunsOfNonWhitespace() {
    assertThat(MarkdownRenderer.countWords("")).isZero();
    assertThat(MarkdownRenderer.countWords("one")).isEqualTo(1);
    assertThat(MarkdownRenderer.countWords("Call me\tback,\n\nplease \u2014 today.")).isEqualTo(6);
    assertThat(MarkdownRenderer.countWords("no\u00A0break")).isEqualTo(1); // \s leaves NBSP in a word
  }

  @Test
  void agreesWithTheRegularExpressionOnRandomText() {
    Random random = new Random(20261127);
    char[] alphabet = {'a', 'b', ' ', ' ', '\t', '\n', '\r', '\f', '\u000B', '\u00A0', '\u2003', '\u2014', '.', 'é'};
    for (int n = 0; n < 5_000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int i = random.nextInt(40); i > 0; i--) {
        sb.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String text = sb.toString().strip();
      int expected = text.isEmpty() ? 0 : text.split("\\s+").length;
      assertThat(MarkdownRenderer.countWords(text)).as("%s", text).isEqualTo(expected);
    }
  }
}
