package press.callback.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import press.callback.testing.TestSite;

/**
 * Bakes the {@code basic} fixture with the project's templates through real JBake once, then
 * checks the pages as a reader (and a feed reader, and a search engine) gets them.
 */
class SiteBakeTest {
  private static final String ESCAPE_TITLE = "<script>alert(1)</script> & \"Q\"";
  private static final String HOST = "https://callback.press";

  @TempDir static Path tmp;
  static Path site;
  static SiteBaker.Result result;

  @BeforeAll
  static void bake() {
    Path project = TestSite.create(tmp, "basic");
    site = tmp.resolve("out/site");
    result = TestSite.bake(project, site);
  }

  @Test
  void bakesWithoutDiagnostics() {
    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.ok()).isTrue();
    assertThat(result.documents()).isEqualTo(12);
    assertThat(result.hidden()).isEqualTo(5);
    assertThat(result.emails()).isEqualTo(2);
  }

  @Test
  void homeListsTheLatestArticlesNewestFirstWithSummaries() {
    Document home = TestSite.html(site, "index.html");
    assertThat(home.select(".cards .card__title a").eachText())
        .containsExactly(
            "Scheduled article", ESCAPE_TITLE, "Second article", "First article", "Legacy JBake header");
    assertThat(home.select(".cards .card__summary").eachText())
        .contains(
            "The written summary of the first article.",
            "The second article starts with this paragraph, which becomes its summary.");
    assertThat(home.select("a[href=/subscribe/]")).isNotEmpty();
  }

  @Test
  void articlePageHasMetaTagsNeighboursAndRelatedSnippets() {
    Document page = TestSite.html(site, "articles/2026/first/index.html");
    assertThat(page.select("h1").eachText()).containsExactly("First article");
    assertThat(page.select(".meta").text()).isEqualTo("September 1, 2026 · 1 min read");
    assertThat(page.select(".meta time").attr("datetime")).isEqualTo("2026-09-01");
    assertThat(page.select(".article .tags a").eachAttr("href")).containsExactly("/tags/email.html", "/tags/follow-up.html");
    assertThat(page.select(".related a").eachText()).containsExactlyInAnyOrder("Hello first", "Two times");
    assertThat(page.select(".pager__newer").attr("href")).isEqualTo("/articles/2026/second/");
    assertThat(page.select(".pager__older").attr("href")).isEqualTo("/articles/2025/legacy/");
    assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo(HOST + "/articles/2026/first/");
    assertThat(page.select("meta[name=description]").attr("content")).isEqualTo("The written summary of the first article.");
    assertThat(page.select("meta[property=og:type]").attr("content")).isEqualTo("article");
    assertThat(page.select("meta[property=og:url]").attr("content")).isEqualTo(HOST + "/articles/2026/first/");
    assertThat(page.select(".prose h2#a-section").text()).isEqualTo("A section");
  }

  @Test
  void readsJbakeNativeHeaders() {
    Document page = TestSite.html(site, "articles/2025/legacy/index.html");
    assertThat(page.select("h1").text()).isEqualTo("Legacy JBake header");
    assertThat(page.select(".article .tags a").eachText()).containsExactly("email", "legacy");
  }

  @Test
  void draftsAndFuturePostsAreNowhere() {
    List<String> files = TestSite.files(site, "");
    assertThat(files).noneMatch(f -> f.contains("draft") || f.contains("future") || f.contains("secret"));
    for (String f : files) {
      String text = TestSite.read(site.resolve(f));
      assertThat(text)
          .as(f)
          .doesNotContain("Secret draft", "Future article", "Future issue", "secret-draft", "secret-future", "Draft snippet", "not be published");
    }
    assertThat(site.resolve("articles/2026/scheduled/index.html")).exists();
  }

  @Test
  void tagsIndexAndTagPagesListWhatCarriesTheTag() {
    Document index = TestSite.html(site, "tags/index.html");
    assertThat(index.select(".tag-index a").eachText()).containsExactly("email", "follow-up", "legacy", "q-and-a");
    assertThat(index.select(".tag-index li").first().text()).isEqualTo("email 5 items");
    Document email = TestSite.html(site, "tags/email.html");
    assertThat(email.select("h1").text()).isEqualTo("Tagged “email”");
    assertThat(email.select("#tag-articles ~ .cards .card__title").eachText())
        .containsExactly("Second article", "First article", "Legacy JBake header");
    assertThat(email.select("#tag-snippets ~ .cards .card__title").eachText()).containsExactly("Hello first");
    assertThat(email.select("#tag-more ~ .cards .card__title").eachText()).containsExactly("Keep it short");
    assertThat(site.resolve("tags/q-and-a.html")).exists();
  }

  @Test
  void archiveGroupsArticlesByYear() {
    Document archive = TestSite.html(site, "archive/index.html");
    assertThat(archive.select(".year h2").eachText()).containsExactly("2026", "2025");
    assertThat(archive.select(".year").first().select("a").eachText())
        .containsExactly("Scheduled article", ESCAPE_TITLE, "Second article", "First article");
  }

  @Test
  void atomFeedIsValidAndAbsolute() throws Exception {
    org.w3c.dom.Document feed = xml(TestSite.read(site.resolve("feed.xml")));
    org.w3c.dom.Element root = feed.getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("feed");
    assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
    assertThat(text(root, "updated").get(0)).isEqualTo("2026-11-01T00:00:00Z");
    NodeList entries = root.getElementsByTagNameNS("*", "entry");
    assertThat(entries.getLength()).isEqualTo(5);
    List<String> titles = new ArrayList<>();
    for (int i = 0; i < entries.getLength(); i++) {
      titles.add(text((org.w3c.dom.Element) entries.item(i), "title").get(0));
    }
    assertThat(titles).containsExactly(
        "Scheduled article", ESCAPE_TITLE, "Second article", "First article", "Legacy JBake header");
    org.w3c.dom.Element first = (org.w3c.dom.Element) entries.item(3);
    assertThat(text(first, "id")).containsExactly(HOST + "/articles/2026/first/");
    assertThat(text(first, "summary")).containsExactly("The written summary of the first article.");
    assertThat(text(first, "content").get(0)).contains("href=\"" + HOST + "/articles/2026/second/\"");
  }

  @Test
  void sitemapListsEveryPublishedPage() throws Exception {
    org.w3c.dom.Document sitemap = xml(TestSite.read(site.resolve("sitemap.xml")));
    List<String> locs = text(sitemap.getDocumentElement(), "loc");
    assertThat(locs)
        .contains(
            HOST + "/",
            HOST + "/articles/2026/first/",
            HOST + "/snippets/hello/",
            HOST + "/about/",
            HOST + "/tags/email.html")
        .allMatch(l -> l.startsWith(HOST + "/"))
        .noneMatch(l -> l.contains("draft") || l.contains("future"))
        .doesNotHaveDuplicates();
    for (String loc : locs) {
      String path = loc.substring(HOST.length());
      assertThat(resolve(path)).as(loc).exists();
    }
  }

  @Test
  void escapesTitlesTagsAndSummariesEverywhere() {
    Document page = TestSite.html(site, "articles/2026/escape/index.html");
    assertThat(page.select("h1").text()).isEqualTo(ESCAPE_TITLE);
    assertThat(page.title()).isEqualTo(ESCAPE_TITLE + " · Callback Press");
    assertThat(page.select("meta[name=description]").attr("content")).isEqualTo("<b>Bold</b> & \"quoted\" summary");
    assertThat(page.select("meta[property=og:title]").attr("content")).isEqualTo(ESCAPE_TITLE);
    assertThat(page.select(".tags a").eachText()).containsExactly("q-and-a");
    for (String f : TestSite.files(site, ".html")) {
      Document d = TestSite.html(site, f);
      for (Element script : d.select("script")) {
        if (script.hasAttr("src")) {
          assertThat(script.attr("src")).as(f).matches("/js/[a-z-]+\\.js");
        } else {
          assertThat(script.attr("type")).as(f + ": the only inline scripts are data").isEqualTo("application/ld+json");
          assertThat(script.data()).as(f).doesNotContain("<", ">");
        }
      }
      assertThat(d.select("b")).as(f).isEmpty();
    }
    JsonNode article = jsonLd(page, "Article");
    assertThat(article.get("headline").asText()).isEqualTo(ESCAPE_TITLE);
    assertThat(article.get("description").asText()).isEqualTo("<b>Bold</b> & \"quoted\" summary");
  }

  @Test
  void articlesDescribeThemselvesToSearchEnginesAndSharing() {
    Document page = TestSite.html(site, "articles/2026/first/index.html");
    JsonNode article = jsonLd(page, "Article");
    assertThat(article.get("@context").asText()).isEqualTo("https://schema.org");
    assertThat(article.get("headline").asText()).isEqualTo("First article");
    assertThat(article.get("description").asText()).isEqualTo("The written summary of the first article.");
    assertThat(article.get("datePublished").asText()).isEqualTo("2026-09-01");
    assertThat(article.get("url").asText()).isEqualTo(HOST + "/articles/2026/first/");
    assertThat(article.get("mainEntityOfPage").asText()).isEqualTo(HOST + "/articles/2026/first/");
    assertThat(article.get("keywords").asText()).isEqualTo("email, follow-up");
    assertThat(article.get("author").get("name").asText()).isEqualTo("Callback Press");
    assertThat(article.get("publisher").get("url").asText()).isEqualTo(HOST + "/");
    JsonNode crumbs = jsonLd(page, "BreadcrumbList").get("itemListElement");
    assertThat(crumbs.findValuesAsText("name")).containsExactly("Callback Press", "Articles", "First article");
    assertThat(crumbs.findValuesAsText("item"))
        .containsExactly(HOST + "/", HOST + "/archive/", HOST + "/articles/2026/first/");
    assertThat(crumbs.findValues("position")).extracting(JsonNode::asInt).containsExactly(1, 2, 3);
    assertThat(page.select(".crumbs a").eachAttr("href")).containsExactly("/archive/");
    assertThat(page.select("meta[property=article:published_time]").attr("content")).isEqualTo("2026-09-01");
    assertThat(page.select("meta[property=article:tag]").eachAttr("content")).containsExactly("email", "follow-up");
    assertThat(page.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary");
    assertThat(page.select("meta[name=twitter:title]").attr("content")).isEqualTo("First article");
    assertThat(page.select("meta[property=og:locale]").attr("content")).isEqualTo("en_US");
  }

  @Test
  void structuredDataSitsOnTheRightPagesWithAbsoluteUrls() {
    JsonNode website = jsonLd(TestSite.html(site, "index.html"), "WebSite");
    assertThat(website.get("url").asText()).isEqualTo(HOST + "/");
    JsonNode action = website.get("potentialAction");
    assertThat(action.get("@type").asText()).isEqualTo("SearchAction");
    assertThat(action.get("target").get("urlTemplate").asText()).isEqualTo(HOST + "/search/?q={search_term_string}");
    assertThat(action.get("query-input").asText()).isEqualTo("required name=search_term_string");
    assertThat(jsonLd(TestSite.html(site, "newsletter/2026-11-02/index.html"), "Article").get("headline").asText())
        .isEqualTo("Issue one");
    assertThat(jsonLd(TestSite.html(site, "snippets/hello/index.html"), "BreadcrumbList")
            .get("itemListElement").findValuesAsText("name"))
        .containsExactly("Callback Press", "Email templates", "Step 3: Write a short, compelling email", "Hello first");
    for (String f : TestSite.files(site, ".html")) {
      Document d = TestSite.html(site, f);
      List<String> types = d.select("script[type=application/ld+json]").stream()
          .map(s -> json(s.data()).get("@type").asText()).toList();
      assertThat(types).as(f).doesNotHaveDuplicates();
      assertThat(types.contains("WebSite")).as(f).isEqualTo(f.equals("index.html"));
      assertThat(types.contains("Article")).as(f)
          .isEqualTo(f.startsWith("articles/") || f.matches("newsletter/[0-9-]+/index.html"));
      for (Element s : d.select("script[type=application/ld+json]")) {
        for (JsonNode url : json(s.data()).findValues("url")) {
          assertThat(url.asText()).as(f).startsWith(HOST + "/");
        }
      }
      for (String meta : List.of("meta[property=og:url]", "link[rel=canonical]")) {
        String url = d.select(meta).attr(meta.startsWith("meta") ? "content" : "href");
        assertThat(url).as(f + " " + meta).startsWith(HOST + "/");
      }
    }
  }

  @Test
  void snippetOffersCopyAndAMailtoLinkWithTheExactEmail() throws Exception {
    Document page = TestSite.html(site, "snippets/hello/index.html");
    String email = "Hi {name},\n\n"
        + "I write a short weekly note for people who plan team trips, and this week it is about {topic}.\n"
        + "Two readers asked me the same thing, and I would rather hear it from someone who does the work.\n"
        + "I will not add you to any list, and one line back is plenty.\n\n"
        + "Are you the right person for {topic}?\n\nThanks,\n{your_name}";
    assertThat(page.select("button.copy-button").attr("data-copy"))
        .isEqualTo("Subject: Quick question about {topic}\n\n" + email);
    String mailto = page.select(".email-actions a").attr("href");
    assertThat(mailto).startsWith("mailto:?subject=Quick%20question%20about%20%7Btopic%7D&body=Hi%20%7Bname%7D%2C%0D%0A%0D%0AI%20write");
    assertThat(page.select(".email-actions a").text()).isEqualTo("Open in your email app");
    assertThat(page.select("script[src=/js/copy.js]")).hasSize(1);
    assertThat(page.select("noscript").html()).contains(".copy-button { display: none; }");
    Document issue = TestSite.html(site, "newsletter/2026-11-02/index.html");
    assertThat(issue.select("#week-snippet ~ .email-actions button").attr("data-copy"))
        .isEqualTo("Subject: Quick question about {topic}\n\n" + email);
  }

  @Test
  void searchIndexHoldsWhatReadersCanFindAndNothingElse() {
    JsonNode docs = json(TestSite.read(site.resolve("search/index.json"))).get("docs");
    List<String> urls = docs.findValuesAsText("url");
    assertThat(urls).startsWith("/articles/2026/scheduled/", "/articles/2026/escape/", "/articles/2026/second/")
        .contains("/snippets/hello/", "/tips/short/", "/playbook/")
        .noneMatch(u -> u.contains("draft") || u.contains("future") || u.startsWith("/newsletter/"));
    for (String url : urls) {
      assertThat(resolve(url)).as(url).exists();
    }
    JsonNode first = docs.get(3);
    assertThat(first.get("url").asText()).isEqualTo("/articles/2026/first/");
    assertThat(first.get("title").asText()).isEqualTo("First article");
    assertThat(first.get("kind").asText()).isEqualTo("Article");
    assertThat(first.get("summary").asText()).isEqualTo("The written summary of the first article.");
    assertThat(first.get("tags").toString()).isEqualTo("[\"email\",\"follow-up\"]");
    List<String> terms = List.of(first.get("terms").asText().split(" "));
    assertThat(terms).contains("section").doesNotContain("first", "article", "the", "email").doesNotHaveDuplicates();
    JsonNode hello = docs.get(urls.indexOf("/snippets/hello/"));
    assertThat(hello.get("kind").asText()).isEqualTo("Email template");
    assertThat(hello.get("summary").asText()).isEqualTo("You write to someone for the first time.");
    assertThat(hello.get("terms").asText()).contains("topic");
  }

  @Test
  void searchPageWorksAsAFormAndSaysWhatToDoWithoutJavaScript() {
    Document page = TestSite.html(site, "search/index.html");
    assertThat(page.select("h1").text()).isEqualTo("Search");
    assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
    assertThat(page.select("form[role=search][action=/search/][method=get] input[type=search][name=q]")).hasSize(1);
    assertThat(page.select("header form")).as("no second search box in the header").isEmpty();
    assertThat(page.select("noscript a").eachAttr("href")).containsExactly("/archive/", "/snippets/", "/tips/", "/tags/");
    Document home = TestSite.html(site, "index.html");
    Element box = home.selectFirst("header form[role=search][action=/search/] input[type=search][name=q]");
    assertThat(box).isNotNull();
    assertThat(home.select("label[for=" + box.id() + "]").text()).isEqualTo("Search the site");
  }

  @Test
  void snippetPageShowsSubjectWhenToUseAndTheEmail() {
    Document page = TestSite.html(site, "snippets/hello/index.html");
    assertThat(page.select("h1").text()).isEqualTo("Hello first");
    assertThat(page.select(".email__subject").text()).isEqualTo("Subject Quick question about {topic}");
    assertThat(page.select(".use-when").text()).isEqualTo("When to use it: You write to someone for the first time.");
    assertThat(page.select(".email__body p").eachText())
        .containsExactly("Hi {name},",
            "I write a short weekly note for people who plan team trips, and this week it is about {topic}."
                + " Two readers asked me the same thing, and I would rather hear it from someone who does the work."
                + " I will not add you to any list, and one line back is plenty.",
            "Are you the right person for {topic}?", "Thanks, {your_name}");
    assertThat(page.select(".email__body .placeholder").eachText())
        .containsExactly("{name}", "{topic}", "{topic}", "{your_name}");
    assertThat(page.select(".notes h2").text()).isEqualTo("Why it works");
    assertThat(page.select(".crumbs a[href=/playbook/#step-3]").text()).isEqualTo("Step 3: Write a short, compelling email");
  }

  @Test
  void snippetLibraryGroupsTemplatesByPlaybookStep() {
    Document library = TestSite.html(site, "snippets/index.html");
    assertThat(library.select(".step h2").eachText()).hasSize(5);
    assertThat(library.select("#step-3 ~ .cards a").eachText()).containsExactly("Hello first");
    assertThat(library.select("#step-5 ~ .cards a").eachText()).containsExactly("Two times");
    assertThat(library.select("#step-1 ~ .cards")).isEmpty();
    assertThat(library.select("link[rel=canonical]").attr("href")).isEqualTo(HOST + "/snippets/");
  }

  @Test
  void playbookListsEachStepsTemplatesOnceAfterTheStep() {
    Document playbook = TestSite.html(site, "playbook/index.html");
    assertThat(playbook.select(".prose h2").eachAttr("id")).containsExactly("step-1", "step-2", "step-3", "step-4", "step-5");
    assertThat(playbook.select("#step-3-templates + ul a").eachText()).containsExactly("Hello first");
    assertThat(playbook.select("#step-5-templates + ul a").eachText()).containsExactly("Two times");
    assertThat(playbook.select("#step-1-templates + p.muted").text()).isEqualTo("No templates for this step yet.");
    assertThat(playbook.select("main .prose a[href^=/snippets/]").eachText()).containsExactly("Hello first", "Two times");
    assertThat(playbook.select("#step-templates")).as("no second list at the end").isEmpty();
    // each list sits inside its step, before the next step's heading
    assertThat(playbook.selectFirst("#step-3-templates").elementSiblingIndex())
        .isGreaterThan(playbook.selectFirst("#step-3").elementSiblingIndex())
        .isLessThan(playbook.selectFirst("#step-4").elementSiblingIndex());
  }

  @Test
  void everyPageHasOneHeadingCanonicalAndDescription() {
    List<String> pages = TestSite.files(site, ".html");
    assertThat(pages).hasSizeGreaterThan(20);
    for (String f : pages) {
      Document d = TestSite.html(site, f);
      assertThat(d.select("h1")).as(f).hasSize(1);
      assertThat(d.select("html").attr("lang")).as(f).isEqualTo("en-US");
      assertThat(d.select("link[rel=canonical]").attr("href")).as(f).startsWith(HOST + "/");
      assertThat(d.select("meta[name=description]").attr("content")).as(f).isNotBlank();
      assertThat(d.select("meta[property=og:title]").attr("content")).as(f).isNotBlank();
      assertThat(d.select("a.skip-link[href=#main]")).as(f).hasSize(1);
      assertThat(d.select("main#main")).as(f).hasSize(1);
    }
  }

  @Test
  void everyInternalLinkResolves() {
    for (String f : TestSite.files(site, ".html")) {
      for (Element a : TestSite.html(site, f).select("a[href^=/], link[href^=/]")) {
        String href = a.attr("href").replaceFirst("[?#].*$", "");
        assertThat(resolve(href)).as(f + " links to " + href).exists();
      }
    }
  }

  @Test
  void writesRobotsNotFoundPageAndAssets() {
    assertThat(TestSite.read(site.resolve("robots.txt")))
        .isEqualTo("User-agent: *\nAllow: /\n\nSitemap: " + HOST + "/sitemap.xml\n");
    assertThat(TestSite.html(site, "404.html").select("h1").text()).isEqualTo("Page not found");
    assertThat(site.resolve("css/site.css")).exists();
  }

  @Test
  void newsletterArchiveListsPublishedIssuesOnly() {
    Document archive = TestSite.html(site, "newsletter/index.html");
    assertThat(archive.select(".card__title a").eachText()).containsExactly("Issue one");
    assertThat(archive.select(".card__title a").attr("href")).isEqualTo("/newsletter/2026-11-02/");
    assertThat(archive.select(".card__summary").text()).isEqualTo("Welcome to the first issue.");
    assertThat(site.resolve("newsletter/2026-12-07")).doesNotExist();
  }

  @Test
  void issuePageShowsWhatTheEmailCarries() {
    Document page = TestSite.html(site, "newsletter/2026-11-02/index.html");
    assertThat(page.title()).isEqualTo("The first issue: one question per email · Callback Press");
    assertThat(page.select("h1").text()).isEqualTo("Issue one");
    assertThat(page.select(".prose a").attr("href")).isEqualTo("/articles/2026/first/");
    assertThat(page.select("#week-articles ~ .cards a").eachText()).containsExactly("Scheduled article");
    assertThat(page.select("#week-tip").text()).isEqualTo("Tip of the week: Keep it short");
    assertThat(page.select("#week-snippet a").text()).isEqualTo("Hello first");
    assertThat(page.select(".email__subject").text()).isEqualTo("Subject Quick question about {topic}");
  }

  @Test
  void newsletterFeedIsValid() throws Exception {
    org.w3c.dom.Document feed = xml(TestSite.read(site.resolve("newsletter.xml")));
    assertThat(text(feed.getDocumentElement(), "title")).containsExactly("Callback Press Weekly", "Issue one");
    assertThat(text(feed.getDocumentElement(), "id")).contains(HOST + "/newsletter/2026-11-02/");
    assertThat(text(feed.getDocumentElement(), "content").get(0)).contains("href=\"" + HOST + "/articles/2026/first/\"");
  }

  @Test
  void writesAnEmailForEveryIssueButDrafts() {
    Path newsletter = site.resolveSibling("newsletter");
    assertThat(TestSite.files(newsletter, "")).containsExactly(
        ".press-output", "2026-11-02/email.eml", "2026-11-02/email.html", "2026-11-02/email.txt",
        "2026-12-07/email.eml", "2026-12-07/email.html", "2026-12-07/email.txt");
    assertThat(TestSite.read(newsletter.resolve("2026-12-07/email.txt"))).contains("Future issue");
  }

  /** The one JSON-LD object of a type on a page. */
  private static JsonNode jsonLd(Document page, String type) {
    List<JsonNode> found = page.select("script[type=application/ld+json]").stream()
        .map(s -> json(s.data()))
        .filter(n -> n.get("@type").asText().equals(type))
        .toList();
    assertThat(found).as(type + " on " + page.location()).hasSize(1);
    return found.get(0);
  }

  private static JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  private static Path resolve(String urlPath) {
    String p = java.net.URLDecoder.decode(urlPath.substring(1), java.nio.charset.StandardCharsets.UTF_8);
    Path file = site.resolve(p);
    return p.isEmpty() || p.endsWith("/") || Files.isDirectory(file) ? file.resolve("index.html") : file;
  }

  private static org.w3c.dom.Document xml(String text) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
  }

  private static List<String> text(org.w3c.dom.Element parent, String localName) {
    NodeList nodes = parent.getElementsByTagNameNS("*", localName);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }
}
