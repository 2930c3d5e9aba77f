package press.callback.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import press.callback.diag.Diagnostic;
import press.callback.testing.Docs;

/** The output check on in-memory pages: no JBake, no disk. */
class LinkCheckerTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
  private static final String LAYOUT = "<#macro page>\n<nav><a href=\"/tipz/\">Tips</a></nav>\n<#nested>\n</#macro>\n";

  private final Docs docs = new Docs();
  private final Map<String, String> pages = new TreeMap<>();
  private final Set<String> files = new HashSet<>();
  private Map<String, String> templates = Map.of("templates/layout.ftl", LAYOUT);
  private Map<String, String> templateOfPage = Map.of();

  private void page(String path, String body) {
    pages.put(path, "<!DOCTYPE html>\n<html lang=\"en\">\n<body>\n" + body + "\n</body>\n</html>\n");
    files.add(path);
  }

  private LinkReport check() throws Exception {
    LinkChecker checker = new LinkChecker(new LinkChecker.Settings(
        "https://callback.press", docs.catalog(TODAY), "index.html", "target/site/", templates, templateOfPage));
    return checker.check(pages, files);
  }

  private List<String> formatted(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::format).toList();
  }

  @Test
  void resolvesRelativeRootRelativeAndSiteHostLinks() throws Exception {
    page("index.html", String.join("\n",
        "<a href=\"/about/\">a</a> <a href=\"about/\">b</a> <a href=\"https://callback.press/about/\">c</a>",
        "<a href=\"//callback.press/about/#team\">d</a> <a href=\"/about\">folder without slash</a>",
        "<a href=\"/feed.xml\">feed</a> <a href=\"/a%20b/\">encoded</a> <a href=\"./about/../about/index.html\">dots</a>",
        "<a href=\"mailto:ann@example.org\">mail</a> <a href=\"tel:+15550100\">phone</a> <link rel=\"icon\" href=\"data:,\">",
        "<a href=\"?page=2\">query</a> <a href=\"\">self</a> <a href=\"#top\">top</a> <a href=\"#\">hash</a>"));
    page("about/index.html", "<h2 id=\"team\">Team</h2> <a href=\"../\">home</a> <a href=\"../../../\">clamped at the root</a>");
    page("a b/index.html", "<p>Spaced.</p>");
    files.add("feed.xml");

    LinkReport report = check();

    assertThat(report.diagnostics()).isEmpty();
    assertThat(report.pages()).isEqualTo(3);
    assertThat(report.links()).isEqualTo(17);
    assertThat(report.externalUrls()).isEmpty();
  }

  @Test
  void reportsALinkInTheLayoutOnceAtTheTemplatesLine() throws Exception {
    for (String p : List.of("index.html", "about/index.html", "tips/index.html")) {
      page(p, "<nav><a href=\"/tipz/\">Tips</a></nav>");
    }

    assertThat(formatted(check().diagnostics())).containsExactly(
        "templates/layout.ftl:2:15: error: link /tipz/ leads to no page (on 3 pages: about/index.html and 2 more)\n"
            + "    <nav><a href=\"/tipz/\">Tips</a></nav>\n"
            + "                  ^\n"
            + "  hint: fix the address, or create the page it should lead to");
  }

  @Test
  void tellsTheBodysLinkFromTheSameLinkInTheTemplate() throws Exception {
    docs.add("about.md", "title: About\n", "Intro.\n\nSee the [tips](/tipz/) and [the team](#team).\n");
    page("about/index.html", "<nav><a href=\"/tipz/\">Tips</a></nav>\n<p>See the <a href=\"/tipz/\">tips</a> and <a href=\"#team\">the team</a>.</p>");

    assertThat(check().diagnostics()).extracting(Diagnostic::location, Diagnostic::message).containsExactly(
        org.assertj.core.groups.Tuple.tuple("content/about.md:6:16", "link /tipz/ leads to no page"),
        org.assertj.core.groups.Tuple.tuple("content/about.md:6:39", "link #team: this page has no element with id 'team'"),
        org.assertj.core.groups.Tuple.tuple("templates/layout.ftl:2:15", "link /tipz/ leads to no page (on about/index.html)"));
  }

  @Test
  void namesThePageAndItsTemplateWhenNoTemplateHoldsTheLink() throws Exception {
    templateOfPage = Map.of("x/index.html", "templates/post.ftl", "y/index.html", "templates/post.ftl");
    page("x/index.html", "<p>\n<a href=\"/archive/2026/\">Articles</a></p>");
    page("y/index.html", "<p>\n<a href=\"/archive/2025/\">Articles</a></p>");

    assertThat(formatted(check().diagnostics())).containsExactly(
        "target/site/x/index.html:5:10: error: link /archive/2026/ leads to no page (from templates/post.ftl or a"
            + " template it includes; 2 addresses like it on 2 pages: x/index.html and 1 more)\n"
            + "    <a href=\"/archive/2026/\">Articles</a></p>\n"
            + "             ^\n"
            + "  hint: fix the address, or create the page it should lead to");
  }

  @Test
  void anchorsMustNameAnIdOrANamedAnchorOfTheTargetPage() throws Exception {
    page("index.html", "<a href=\"/about/#team\">ok</a> <a href=\"/about/#old\">named</a> <a href=\"/about/#gone\">gone</a>");
    page("about/index.html", "<h2 id=\"team\">Team</h2> <a name=\"old\"></a>");
    templates = Map.of("templates/index.ftl", "<a href=\"/about/#gone\">gone</a>\n");

    assertThat(check().diagnostics()).extracting(Diagnostic::format).containsExactly(
        "templates/index.ftl:1:10: error: link /about/#gone: /about/ has no element with id 'gone' (on index.html)\n"
            + "    <a href=\"/about/#gone\">gone</a>\n"
            + "             ^\n"
            + "  hint: link to an id the page has, or give the heading that id: ## Heading {#gone}");
  }

  @Test
  void imagesMustExistAndHaveAlt() throws Exception {
    docs.add("about.md", "title: About\n", "![A chart](/img/chart.png)\n\n<img src=\"/img/chart.png\">\n\n![](/img/none.png)\n");
    page("about/index.html", "<p><img src=\"/img/chart.png\" alt=\"A chart\"></p>\n<img src=\"/img/chart.png\">\n<p><img src=\"/img/none.png\" alt=\"\"></p>");
    files.add("img/chart.png");

    assertThat(check().diagnostics()).extracting(Diagnostic::location, Diagnostic::message).containsExactly(
        org.assertj.core.groups.Tuple.tuple("content/about.md:6:11", "image /img/chart.png has no alt text"),
        org.assertj.core.groups.Tuple.tuple("content/about.md:8:5", "image /img/none.png does not exist"));
  }

  @Test
  void linksToDraftsAndFuturePagesNameTheDocument() throws Exception {
    docs.add("articles/2026/draft.md", "title: Draft\ndate: 2026-10-01\nstatus: draft\n", "x\n")
        .add("articles/2026/later.md", "title: Later\ndate: 2026-12-24\n", "x\n")
        .add("about.md", "title: About\n", "[d](https://callback.press/articles/2026/draft/) and [l](../articles/2026/later)\n");
    page("about/index.html", "<p><a href=\"https://callback.press/articles/2026/draft/\">d</a> and <a href=\"../articles/2026/later\">l</a></p>");

    assertThat(check().diagnostics()).extracting(Diagnostic::location, Diagnostic::message).containsExactly(
        org.assertj.core.groups.Tuple.tuple("content/about.md:4:5", "link https://callback.press/articles/2026/draft/"
            + " (/articles/2026/draft/) leads to a draft (content/articles/2026/draft.md)"),
        org.assertj.core.groups.Tuple.tuple("content/about.md:4:58", "link ../articles/2026/later (/articles/2026/later)"
            + " leads to a page published only on 2026-12-24 (content/articles/2026/later.md)"));
  }

  @Test
  void aSnippetShownOnAnotherPageIsReportedAtItsOwnLine() throws Exception {
    docs.snippet("s", "2026-10-01", 3)
        .add("snippets/link.md", "title: Link\ndate: 2026-10-01\nsubject: Hi\nuse_when: Always.\nstep: 1\n",
            "Hello, see [the page](/nope/). Can we talk?\n")
        .issue("2026-11-02", "snippet: link\n", "Note.\n");
    page("snippets/link/index.html", "<p>Hello, see <a href=\"/nope/\">the page</a>. Can we talk?</p>");
    page("newsletter/2026-11-02/index.html", "<p>Note.</p><div><p>Hello, see <a href=\"/nope/\">the page</a>. Can we talk?</p></div>");

    assertThat(formatted(check().diagnostics())).containsExactly(
        "content/snippets/link.md:8:23: error: link /nope/ leads to no page (on 2 pages: newsletter/2026-11-02/index.html and 1 more)\n"
            + "    Hello, see [the page](/nope/). Can we talk?\n"
            + "                          ^\n"
            + "  hint: fix the address, or create the page it should lead to");
  }

  @Test
  void externalLinksAreCollectedOnceAndJudgedByTheirAnswer() throws Exception {
    docs.add("about.md", "title: About\n", "[a](https://example.org/a#part), [b](http://example.net/b) and [c](https://example.com/c)\n");
    page("about/index.html", "<p><a href=\"https://example.org/a#part\">a</a>, <a href=\"http://example.net/b\">b</a>"
        + " and <a href=\"https://example.com/c\">c</a></p>\n<footer><a href=\"https://example.org/a\">a</a></footer>");
    templates = Map.of("templates/layout.ftl", "<footer><a href=\"https://example.org/a\">a</a></footer>\n");

    LinkReport report = check();

    assertThat(report.diagnostics()).isEmpty();
    assertThat(report.externalUrls()).containsExactly("http://example.net/b", "https://example.com/c", "https://example.org/a");
    List<Diagnostic> external = report.external(Map.of(
        "https://example.org/a", LinkStatus.answered("https://example.org/a", 404),
        "http://example.net/b", LinkStatus.failed("http://example.net/b", "no answer within 5 s"),
        "https://example.com/c", LinkStatus.answered("https://example.com/c", 200)));
    assertThat(external).extracting(Diagnostic::location, Diagnostic::severity, Diagnostic::message).containsExactly(
        org.assertj.core.groups.Tuple.tuple("content/about.md:4:5", press.callback.diag.Severity.ERROR,
            "link https://example.org/a#part is gone: HTTP 404"),
        org.assertj.core.groups.Tuple.tuple("content/about.md:4:38", press.callback.diag.Severity.WARNING,
            "link http://example.net/b: no answer within 5 s"),
        org.assertj.core.groups.Tuple.tuple("templates/layout.ftl:1:18", press.callback.diag.Severity.ERROR,
            "link https://example.org/a is gone: HTTP 404 (on about/index.html)"));
  }
}
