package press.callback.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class CssInlinerTest {
  /** A test sheet with ids, classes, descendant selectors, !important and source order. */
  private static final String SHEET = """
      p { color: black; font-size: 16px; margin: 0 0 16px 0; }
      .note p { color: gray; }
      #intro { color: navy; }
      p.lead { font-size: 20px; }
      td p { margin: 0; }
      .loud { color: red !important; }
      p { font-size: 15px; }
      a:hover { text-decoration: underline; }
      p::first-line { font-weight: bold; }
      @media (prefers-color-scheme: dark) { p { color: white !important; } }
      @media screen and (max-width: 600px) { .note { padding: 8px !important; } }
      [data-ogsc] .note { color: #eee !important; }
      .unused { color: pink; }
      """;

  private static Document inline(String body) {
    Document doc = Jsoup.parse("<html><head><style>" + SHEET + "</style></head><body>" + body + "</body></html>");
    doc.outputSettings().prettyPrint(false);
    CssInliner.inline(doc);
    return doc;
  }

  @Test
  void resolvesTheCascade() {
    Document doc = inline("""
        <div class="note">
        <p id="intro" class="lead">Intro</p>
        <p class="loud" style="color: green">Loud</p>
        <p style="color: green">Own</p>
        <p style="font-size: 12px !important">Tiny</p>
        </div>
        <table><tr><td><p>Cell</p></td></tr></table>
        """);
    // id beats class; later p{font-size} loses to p.lead by specificity
    assertThat(doc.selectFirst("#intro").attr("style")).isEqualTo("margin:0 0 16px 0;font-size:20px;color:navy");
    // !important in the sheet beats a normal inline style, and stays important
    assertThat(doc.selectFirst(".loud").attr("style")).isEqualTo("margin:0 0 16px 0;font-size:15px;color:red !important");
    // a normal inline style beats the sheet
    assertThat(doc.select(".note p").get(2).attr("style")).isEqualTo("margin:0 0 16px 0;font-size:15px;color:green");
    // inline !important beats everything
    assertThat(doc.select(".note p").get(3).attr("style")).isEqualTo("margin:0 0 16px 0;color:gray;font-size:12px !important");
    // descendant selector with higher specificity; later rule of equal specificity wins
    assertThat(doc.selectFirst("td p").attr("style")).isEqualTo("color:black;font-size:15px;margin:0");
  }

  @Test
  void keepsWhatCannotBeInlinedInOneStyleElement() {
    Document doc = inline("<div class=\"note\"><p><a href=\"https://x.test\">x</a></p></div>");
    assertThat(doc.select("style")).hasSize(1);
    String kept = doc.selectFirst("head > style").data();
    assertThat(kept)
        .contains("a:hover", "::first-line", "prefers-color-scheme:dark", "max-width:600px", "[data-ogsc] .note")
        .doesNotContain(".unused", ".loud", "#intro");
    assertThat(doc.selectFirst(".note").attr("style")).isEmpty();
  }

  @Test
  void isIdempotent() {
    Document once = inline("<div class=\"note\"><p id=\"intro\" class=\"lead loud\" style=\"margin: 2px\">x</p></div><p>y</p>");
    String first = once.outerHtml();
    CssInliner.inline(once);
    assertThat(once.outerHtml()).isEqualTo(first);
  }

  @Test
  void computesSpecificity() {
    assertThat(specificity("p")).isEqualTo(1);
    assertThat(specificity("td p")).isEqualTo(2);
    assertThat(specificity(".a p")).isEqualTo(101);
    assertThat(specificity("#x .a p")).isEqualTo(10101);
    assertThat(specificity("a[href] :first-child")).isEqualTo(201);
    assertThat(specificity("p:not(.x)")).isEqualTo(101);
    assertThat(specificity("*")).isZero();
  }

  private static int specificity(String selector) {
    var sheet = com.helger.css.reader.CSSReader.readFromString(selector + " { color: red }");
    return CssInliner.specificity(sheet.getStyleRuleAtIndex(0).getSelectorAtIndex(0));
  }

  @Test
  void reportsUnreadableCssWithItsLine() {
    var problems = CssInliner.check("p { color: red; }\n\np { color: }}\n", "assets/css/email.css");
    assertThat(problems).isNotEmpty();
    assertThat(problems.get(0).path()).isEqualTo("assets/css/email.css");
    assertThat(problems.get(0).line()).isEqualTo(3);
    assertThat(CssInliner.check("p { color: red; }", "x.css")).isEmpty();
  }
}
