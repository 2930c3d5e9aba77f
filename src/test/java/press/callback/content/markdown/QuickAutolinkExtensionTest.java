package press.callback.content.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The quick test for "may hold a link", on a piece of a string, agrees with the plain scan, and
 * reads nothing outside its piece: each text node costs its own length, so a document costs its
 * length (it once searched on to the document's end from every node: 20 MB took minutes).
 */
class QuickAutolinkExtensionTest {
  @Test
  void searchingAPieceOfTheSourceAgreesWithTheScan() {
    Random random = new Random(5);
    int links = 0;
    for (int n = 0; n < 50_000; n++) {
      String s = randomText(random, 24);
      int start = random.nextInt(s.length() + 1);
      int end = start + random.nextInt(s.length() - start + 1);
      boolean expected = QuickAutolinkExtension.scan(s.substring(start, end));
      links += expected ? 1 : 0;
      assertThat(QuickAutolinkExtension.mayHoldLink(s, start, end)).as("%s [%d, %d)", s, start, end).isEqualTo(expected);
    }
    assertThat(links).isBetween(5_000, 45_000); // both answers are well exercised
  }

  @Test
  void linkPreCheckReadsOnlyTheNodesOwnText() {
    Random random = new Random(9);
    for (int n = 0; n < 20_000; n++) {
      String s = randomText(random, 40);
      int start = random.nextInt(s.length() + 1);
      int end = start + random.nextInt(s.length() - start + 1);
      Watched watched = new Watched(s);
      boolean answer = QuickAutolinkExtension.mayHoldLink(watched, start, end);
      assertThat(answer).as("%s [%d, %d)", s, start, end).isEqualTo(QuickAutolinkExtension.scan(s.substring(start, end)));
      if (watched.reads > 0) {
        assertThat(watched.lowest).as("%s [%d, %d): lowest index read", s, start, end).isGreaterThanOrEqualTo(start);
        assertThat(watched.highest).as("%s [%d, %d): highest index read", s, start, end).isLessThan(end);
      }
      assertThat(watched.reads).as("%s [%d, %d): characters read", s, start, end).isLessThanOrEqualTo(3 * (end - start));
    }
  }

  /**
   * Run as a document post-processor, it links what flexmark's own extension (a node
   * post-processor) links: in paragraphs, emphasis, headings, lists and quotes, not in code, links
   * or raw HTML.
   */
  @Test
  void linksWhatFlexmarksAutolinkExtensionLinks() {
    String[] pieces = {
      "www.example.org", "https://a.example/b?c=d", "a@b.example", "`code www.x.org`", "[link www.y.org](https://z.example)",
      "*em https://e.example*", "<https://angle.example>", "WWW.UPPER.ORG", "<span>www.html.org</span>", "\\www.x.org",
      "plain words", "ftp://f.example/x", "mailto:m@x.example", "x@y", "**www.strong.org**", "![img www.i.org](i.png)",
      "{name} www.p.org", "\"quoted www.q.org\"", "http://a.example.", "(https://paren.example)",
    };
    String[] starts = {"", "", "", "## ", "- ", "> ", "1. ", "    "};
    Parser quick = parser(QuickAutolinkExtension.create());
    Parser stock = parser(AutolinkExtension.create());
    HtmlRenderer html = HtmlRenderer.builder().build();
    Random random = new Random(21);
    for (int n = 0; n < 2_000; n++) {
      StringBuilder md = new StringBuilder();
      for (int line = random.nextInt(6); line >= 0; line--) {
        md.append(starts[random.nextInt(starts.length)]);
        for (int i = random.nextInt(4); i >= 0; i--) {
          md.append(pieces[random.nextInt(pieces.length)]).append(' ');
        }
        md.append(random.nextInt(3) == 0 ? "\n\n" : "\n");
      }
      String doc = md.toString();
      assertThat(html.render(quick.parse(doc))).as(doc).isEqualTo(html.render(stock.parse(doc)));
    }
  }

  private static Parser parser(Extension autolinks) {
    MutableDataSet options = new MutableDataSet();
    options.set(Parser.EXTENSIONS, List.of(autolinks, HeadingIdExtension.create(), PlaceholderExtension.create()));
    return Parser.builder(options).build();
  }

  private static String randomText(Random random, int maxLength) {
    char[] alphabet = {'w', 'W', '.', ':', '/', '@', 'a', ' ', 'x'};
    StringBuilder sb = new StringBuilder();
    for (int i = random.nextInt(maxLength); i > 0; i--) {
      sb.append(alphabet[random.nextInt(alphabet.length)]);
    }
    return sb.toString();
  }

  /** A string that records which of its characters are read. */
  private static final class Watched implements CharSequence {
    final String s;
    int reads;
    int lowest = Integer.MAX_VALUE;
    int highest = -1;

    Watched(String s) {
      this.s = s;
    }

    @Override
    public char charAt(int index) {
      reads++;
      lowest = Math.min(lowest, index);
      highest = Math.max(highest, index);
      return s.charAt(index);
    }

    @Override
    public int length() {
      return s.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      throw new UnsupportedOperationException("read characters one by one");
    }

    @Override
    public String toString() {
      return s;
    }
  }
}
