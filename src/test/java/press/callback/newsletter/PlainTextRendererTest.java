package press.callback.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class PlainTextRendererTest {
  private static String text(String body) {
    return PlainTextRenderer.render(Jsoup.parse("<html><head><title>T</title><style>p{}</style></head><body>" + body + "</body></html>"));
  }

  @Test
  void writesHeadingsParagraphsListsAndLinks() {
    String html = """
        <h1>Big title</h1><h2>Section</h2><h3>Small</h3>
        <p>Read <a href="https://x.test/a">the article</a> or write to <a href="mailto:me@x.test">me@x.test</a>.</p>
        <ul><li>One</li><li>Two <a href="https://x.test/two">link</a></li></ul>
        <ol><li><p>First</p></li><li>Second</li></ol>
        <blockquote><p>Quoted text.</p></blockquote>
        <p>Line<br>break</p>
        <!--[if mso]><p>Outlook only</p><![endif]-->
        """;
    assertThat(text(html)).isEqualTo("""
        Big title
        =========

        Section
        -------

        Small

        Read the article <https://x.test/a> or write to <mailto:me@x.test>.

        - One
        - Two link <https://x.test/two>

        1. First
        2. Second

        > Quoted text.

        Line
        break
        """);
  }

  @Test
  void leavesOutAParagraphThatOnlyRepeatsTheLinkAbove() {
    String html = """
        <h3><a href="https://x.test/a">Title</a></h3>
        <p>Summary.</p>
        <p><a href="https://x.test/a">Read the article</a></p>
        <p><a href="https://x.test/b">Read the other one</a></p>
        <p>After.</p>
        """;
    assertThat(text(html)).isEqualTo("""
        Title <https://x.test/a>

        Summary.

        Read the other one <https://x.test/b>

        After.
        """);
  }

  @Test
  void wrapsAtSeventyTwoColumnsWithoutBreakingUrls() {
    String words = "word ".repeat(40).strip();
    String url = "https://example.test/" + "a".repeat(80);
    String out = text("<p>" + words + " <a href=\"" + url + "\">here</a></p><ul><li>" + words + "</li></ul>");
    for (String line : out.split("\n")) {
      assertThat(line.length()).as(line).isLessThanOrEqualTo(line.contains(url) ? url.length() + 2 : 72);
    }
    assertThat(out).contains("<" + url + ">");
    assertThat(out).contains("\n  word word");
  }

  @Test
  void keepsHiddenTextButDropsFillerCharacters() {
    String out = text("<div style=\"display:none\">Preview line\u200C\u00A0\u200C\u00A0</div><table role=\"presentation\"><tr><td><p>Cell one</p></td><td>Cell two</td></tr></table>");
    assertThat(out).isEqualTo("Preview line\n\nCell one\n\nCell two\n");
  }
}
