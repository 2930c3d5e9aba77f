package press.callback.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import press.callback.content.Catalog;
import press.callback.mail.MimeWriter;

/**
 * The newsletter email of the {@code basic} fixture's first issue, built from its catalog with
 * the project's templates (no bake), read as a client would: article links that look like links,
 * a visible "Read" link each, a button Outlook pads, a readiness row that stacks on phones, and an
 * RFC 5322 Date. The golden files hold the bytes; this says why.
 */
class EmailMarkupTest {
  static Document html;
  static String eml;

  @BeforeAll
  static void build() throws Exception {
    Catalog catalog = EmailFixture.catalog(EmailFixture.documents("basic", Set.of()));
    Issue issue = IssueAssembler.assemble(catalog).stream()
        .filter(i -> i.id().equals("2026-11-02")).findFirst().orElseThrow();
    Email email = EmailFixture.builder(catalog, EmailFixture.imagesIn(Path.of("assets"))).build(issue);
    html = Jsoup.parse(email.html());
    eml = new String(MimeWriter.write(email), StandardCharsets.US_ASCII);
  }

  @Test
  void everyArticleHasAVisibleReadLinkToItAndATitleStyledAsALink() {
    assertThat(html.select("table.article")).isNotEmpty();
    for (Element article : html.select("table.article")) {
      Element title = article.selectFirst(".article-title a");
      Element read = article.selectFirst("a.read-link");
      assertThat(read).as("the Read link of " + title.text()).isNotNull();
      assertThat(read.text()).isEqualTo("Read the article");
      assertThat(read.attr("href")).startsWith("https://").isEqualTo(title.attr("href"));
      assertThat(title.attr("style")).contains("text-decoration:underline", "color:#1f5aa6");
      assertThat(read.attr("style")).contains("text-decoration:underline", "color:#1f5aa6");
    }
  }

  @Test
  void theButtonIsPaddedOnItsCellForOutlook() {
    Element cell = html.selectFirst("td.button-cell");
    assertThat(cell.attr("style")).contains("mso-padding-alt:12px 22px");
    assertThat(cell.selectFirst("a.button-link").attr("style")).contains("padding:12px 22px", "mso-padding-alt:0");
  }

  @Test
  void outlooksFontRuleBeatsTheInlineStack() {
    assertThat(html.head().html()).contains("font-family:\"Segoe UI\",Arial,sans-serif !important");
  }

  @Test
  void theSampleTableHasNoMarginForOutlookToPaint() {
    assertThat(html.selectFirst("table.sample").attr("style")).doesNotContain("margin");
  }

  @Test
  void theReadinessFiguresStackOnSmallScreensAndSayTheLevelInWords() {
    String styles = html.select("style").stream().map(Element::data).collect(Collectors.joining("\n"));
    assertThat(styles).containsPattern(
        "@media screen and \\(max-width: ?620px\\)[^@]*\\.readiness-cell \\{\\s*display: ?block !important");
    assertThat(html.select("td.readiness-cell")).hasSize(4).allSatisfy(td -> assertThat(td.attr("width")).isEqualTo("50%"));
    assertThat(html.select("td.readiness-cell .readiness-figure").eachText()).contains("Very easy to read");
  }

  @Test
  void theDateHeaderEndsWithANumericZoneNotGmt() {
    String date = eml.lines().filter(l -> l.startsWith("Date: ")).findFirst().orElseThrow();
    assertThat(date).matches("Date: (Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} [+-]\\d{4}")
        .endsWith("+0000").doesNotContain("GMT");
  }
}
