package press.callback.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The email quality gate: a good email passes; breaking any one rule fails it with that rule. */
class EmailLintTest {
  static final String UNSUBSCRIBE = "https://x.test/unsubscribe/?token={{token}}";
  static final String BROWSER = "https://x.test/newsletter/2026-11-30/";
  static final String ADDRESS = "Press, 1 Main St, Springfield";
  static final EmailLint.Required REQUIRED = new EmailLint.Required(UNSUBSCRIBE, ADDRESS, BROWSER);

  static final String GOOD = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark">
      <title>Subject</title><style>@media (prefers-color-scheme: dark) { p { color: #fff !important; } }</style></head>
      <body><div style="display:none">Preheader</div>
      <table role="presentation" width="100%"><tr><td style="padding:8px">
      <p><a href="https://x.test/newsletter/2026-11-30/">View in browser</a></p>
      <p>Hello. Read <a href="https://x.test/a/">this</a>.</p>
      <img src="https://x.test/img/logo.png" alt="Logo" width="120">
      <p><a href="https://x.test/unsubscribe/?token={{token}}">Unsubscribe</a></p>
      <p>Press, 1 Main St, Springfield</p>
      </td></tr></table></body></html>
      """;

  static String text(Document doc) {
    return PlainTextRenderer.render(doc);
  }

  @Test
  void aGoodEmailPasses() {
    Document doc = Jsoup.parse(GOOD);
    assertThat(EmailLint.check(GOOD, doc, text(doc), REQUIRED)).isEmpty();
  }

  static Stream<Arguments> brokenEmails() {
    return Stream.of(
        broken("size", d -> d.body().appendElement("p").text("x".repeat(EmailLint.MAX_BYTES))),
        broken("no-script", d -> d.body().appendElement("script").appendText("alert(1)")),
        broken("no-form", d -> d.body().appendElement("form")),
        broken("no-iframe", d -> d.body().appendElement("iframe")),
        broken("no-object", d -> d.body().appendElement("object")),
        broken("no-embed", d -> d.body().appendElement("embed")),
        broken("no-stylesheet-link", d -> d.head().appendElement("link").attr("rel", "stylesheet").attr("href", "https://x.test/a.css")),
        broken("no-import", d -> d.head().appendElement("style").appendChild(new org.jsoup.nodes.DataNode("@import url(https://x.test/a.css);"))),
        broken("css-support", d -> d.selectFirst("td").attr("style", "display:flex")),
        broken("css-support", d -> d.selectFirst("td").attr("style", "color:var(--fg)")),
        broken("css-support", d -> d.selectFirst("td").attr("style", "position:absolute")),
        broken("css-support", d -> d.selectFirst("td").attr("style", "box-shadow:0 0 1px #000")),
        broken("css-support", d -> d.selectFirst("td").attr("style", "display:grid")),
        broken("absolute-links", d -> d.selectFirst("a[href=https://x.test/a/]").attr("href", "/a/")),
        broken("absolute-links", d -> d.selectFirst("a[href=https://x.test/a/]").attr("href", "http://x.test/a/")),
        broken("absolute-links", d -> d.selectFirst("img").attr("src", "img/logo.png")),
        broken("image-alt", d -> d.selectFirst("img").removeAttr("alt")),
        broken("image-width", d -> d.selectFirst("img").removeAttr("width")),
        broken("html-lang", d -> d.selectFirst("html").removeAttr("lang")),
        broken("title", d -> d.selectFirst("title").remove()),
        broken("meta-charset", d -> d.selectFirst("meta[charset]").remove()),
        broken("meta-viewport", d -> d.selectFirst("meta[name=viewport]").remove()),
        broken("meta-color-scheme", d -> d.selectFirst("meta[name=color-scheme]").remove()),
        broken("meta-color-scheme", d -> d.selectFirst("meta[name=supported-color-schemes]").remove()),
        broken("layout-table-role", d -> d.selectFirst("table").removeAttr("role")),
        broken("unsubscribe-link", d -> d.selectFirst("a[href^=https://x.test/unsub]").remove()),
        broken("unsubscribe-link", d -> d.selectFirst("div").appendChild(d.selectFirst("a[href^=https://x.test/unsub]"))),
        broken("postal-address", d -> d.select("p").last().remove()),
        broken("view-in-browser", d -> d.selectFirst("a[href=" + BROWSER + "]").remove()));
  }

  private static Arguments broken(String rule, Consumer<Document> breakIt) {
    return Arguments.of(rule, breakIt);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenEmails")
  void eachRuleFailsItsFixture(String rule, Consumer<Document> breakIt) {
    Document doc = Jsoup.parse(GOOD);
    breakIt.accept(doc);
    String html = doc.outerHtml();
    assertThat(EmailLint.check(html, Jsoup.parse(html), text(doc), REQUIRED))
        .extracting(EmailLint.Violation::rule)
        .containsExactly(rule);
  }

  @Test
  void eventHandlerAttributesFailTheEmailGate() {
    // onerror/onclick went through into email.html (and the issue page): any on* attribute,
    // whatever its case, breaks the rule; script addresses in any attribute that holds one break
    // the link rule, however they are written.
    Document doc = Jsoup.parse(GOOD);
    doc.selectFirst("img").attr("onerror", "alert(1)");
    doc.selectFirst("a[href=https://x.test/a/]").attr("OnClick", "steal()");
    doc.selectFirst("td").appendElement("div").attr("onmouseover", "x()");
    String html = doc.outerHtml();
    assertThat(EmailLint.check(html, Jsoup.parse(html), text(doc), REQUIRED))
        .extracting(EmailLint.Violation::rule, EmailLint.Violation::detail)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(
            "no-event-handlers", "onclick on <a>, onerror on <img>, onmouseover on <div>"));

    for (String url : new String[] {"JaVaScRiPt:alert(1)", "java&#x09;script:alert(1)", " vbscript:x", "data:text/html,x"}) {
      String withScript = GOOD.replace("<p>Hello.", "<p><a href=\"" + url + "\">x</a> <video poster=\"" + url + "\"></video> Hello.");
      Document d = Jsoup.parse(withScript);
      assertThat(EmailLint.check(withScript, d, text(d) + "\n<" + d.selectFirst("video").attr("poster") + ">", REQUIRED))
          .as(url)
          .filteredOn(violation -> violation.rule().equals("absolute-links"))
          .extracting(EmailLint.Violation::detail)
          .containsExactly("not absolute https: or mailto: " + d.selectFirst("video").attr("poster") + ", " + d.selectFirst("video").attr("poster"));
    }
  }

  @Test
  void textPartMustCarryEveryLink() {
    Document doc = Jsoup.parse(GOOD);
    String text = text(doc).replace("<https://x.test/a/>", "");
    assertThat(EmailLint.check(GOOD, doc, text, REQUIRED))
        .extracting(EmailLint.Violation::rule, EmailLint.Violation::detail)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("text-links", "the text part lacks https://x.test/a/"));
  }

  @Test
  void dataTablesNeedNoPresentationRole() {
    Document doc = Jsoup.parse(GOOD);
    doc.selectFirst("td").appendElement("table").html("<tr><th>Day</th></tr><tr><td>Tue</td></tr>");
    String html = doc.outerHtml();
    assertThat(EmailLint.check(html, doc, text(doc), REQUIRED)).isEmpty();
  }
}
