package press.callback.content.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Finding a heading's explicit {@code {#id}}: the same answer as the pattern it replaces, read
 * from the heading's end only (the pattern, tried at every position of a heading with a long run
 * of spaces, took minutes).
 */
class HeadingIdExtensionTest {
  /** What the extension once searched with. */
  private static final Pattern TRAILING_ID = Pattern.compile("\\s*\\{#([A-Za-z][\\w-]*)}\\s*$");

  private static final char[] ID_START = {'a', 'Z', '1', '-', '_'};
  private static final char[] TRAILING = {' ', '\t', '\n', '\r', '\u2028', '\u0085', '\u000B', 'x', '}'};

  @Test
  void findsTheIdThePatternFinds() {
    Random random = new Random(14);
    char[] alphabet = {' ', '\t', '\n', '{', '#', '}', 'a', 'Z', '1', '-', '_', '.', '\u2028', '\u000B'};
    int found = 0;
    for (int n = 0; n < 100_000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int i = random.nextInt(14); i > 0; i--) {
        sb.append(alphabet[random.nextInt(alphabet.length)]);
      }
      if (random.nextBoolean()) {
        sb.append(random.nextBoolean() ? " {#" : "{#").append(ID_START[random.nextInt(ID_START.length)]).append("b}");
        for (int i = random.nextInt(3); i > 0; i--) {
          sb.append(TRAILING[random.nextInt(TRAILING.length)]);
        }
      }
      String s = sb.toString();
      Matcher m = TRAILING_ID.matcher(s);
      HeadingIdExtension.TrailingId expected = m.find() ? new HeadingIdExtension.TrailingId(m.start(), m.group(1)) : null;
      found += expected != null ? 1 : 0;
      assertThat(HeadingIdExtension.trailingId(s)).as("'%s'", s).isEqualTo(expected);
    }
    assertThat(found).isBetween(10_000, 90_000);
  }

  @Test
  void headingIdIsReadFromTheHeadingsEnd() {
    String heading = "A heading" + " ".repeat(5_000) + "and its end";
    Counted counted = new Counted(heading);
    assertThat(HeadingIdExtension.trailingId(counted)).isNull();
    assertThat(counted.reads).isLessThan(10);

    Counted withId = new Counted(heading + " \t{#the-end}  ");
    assertThat(HeadingIdExtension.trailingId(withId)).isEqualTo(new HeadingIdExtension.TrailingId(heading.length(), "the-end"));
    assertThat(withId.reads).isLessThan(30);
  }

  /** A string that counts the characters read from it. */
  private static final class Counted implements CharSequence {
    final String s;
    int reads;

    Counted(String s) {
      this.s = s;
    }

    @Override
    public char charAt(int index) {
      reads++;
      return s.charAt(index);
    }

    @Override
    public int length() {
      return s.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      reads += end - start;
      return s.substring(start, end);
    }

    @Override
    public String toString() {
      reads += s.length();
      return s;
    }
  }
}
