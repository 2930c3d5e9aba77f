package press.callback.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import press.callback.content.SearchTerms;
import press.callback.testing.Browser;
import press.callback.testing.NeedsChromium;
import press.callback.testing.ReaderSite;

/**
 * Search in Chromium, as a reader uses it: typing in the header's box shows matching pages at
 * once, following one opens it, the search page lists every match and keeps the query in its
 * address; what the script matches agrees with the index the bake wrote, and the script stems
 * words exactly as the bake does.
 */
@ExtendWith(NeedsChromium.class)
class SearchIT {
  private static Browser browser;
  private static URI base;
  private static JsonNode index;

  @BeforeAll
  static void start() throws Exception {
    browser = Browser.start();
    base = ReaderSite.base();
    index = new ObjectMapper().readTree(ReaderSite.folder().resolve("search/index.json").toFile()).get("docs");
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @BeforeEach
  void desktop() {
    browser.viewport(1280, 900, 1);
  }

  private static WebElement headerBox() {
    return browser.driver().findElement(By.cssSelector("header input[type=search]"));
  }

  private static List<String> suggested() {
    return browser.js("return [...document.querySelectorAll('.search-suggest__list a')].map(a => a.getAttribute('href'))");
  }

  /** Types {@code query} into the header's box and waits for the panel to answer it. */
  private static List<String> typeInHeader(String query) {
    WebElement box = headerBox();
    box.click();
    box.sendKeys(query);
    browser.waitFor("results for " + query, d -> {
      String all = browser.js("const a = document.querySelector('.search-suggest__all'); return a && !a.closest('[hidden]') ? a.textContent : ''");
      return all.contains("“" + query + "”");
    });
    return suggested();
  }

  @Test
  void typingAnArticleTitleShowsThatArticleFirstAndFollowingItOpensIt() {
    Document archive = ReaderSite.page("/archive/");
    String url = archive.select(".archive-list a").get(1).attr("href");
    String title = archive.select(".archive-list a").get(1).text();
    browser.open(base, "/");
    List<String> results = typeInHeader(title);
    assertThat(results).hasSizeBetween(1, 6);
    assertThat(results.get(0)).isEqualTo(url);
    assertThat(browser.driver().findElement(By.cssSelector(".search-suggest__list a")).getText()).startsWith(title);
    browser.driver().findElement(By.cssSelector(".search-suggest__list a")).click();
    browser.waitFor("the article to open", d -> d.getCurrentUrl().equals(base.resolve(url).toString()));
    assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo(title);
  }

  @Test
  void resultsFollowEachKeystrokeAndTheKeyboardChoosesOne() {
    browser.open(base, "/tips/");
    List<String> broad = typeInHeader("cal");
    assertThat(broad).isNotEmpty();
    headerBox().sendKeys("endar invite");
    browser.waitFor("narrower results", d -> {
      String all = browser.js("return document.querySelector('.search-suggest__all').textContent");
      return all.contains("“calendar invite”");
    });
    List<String> narrow = suggested();
    assertThat(narrow).isNotEmpty().isNotEqualTo(broad);
    new Actions(browser.driver()).sendKeys(Keys.ARROW_DOWN).perform();
    assertThat((String) browser.js("return document.activeElement.getAttribute('href')")).isEqualTo(narrow.get(0));
    new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
    assertThat((Boolean) browser.js("return document.querySelector('.search-suggest').hidden")).isTrue();
    assertThat((String) browser.js("return document.activeElement.id")).isEqualTo("site-search");
    new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
    browser.waitFor("the search page", d -> d.getCurrentUrl().startsWith(base.resolve("/search/").toString()));
    browser.waitFor("the search page's results", d -> !pageResults().isEmpty());
    assertThat(browser.driver().getCurrentUrl()).endsWith("/search/?q=calendar+invite");
    assertThat(pageResults()).startsWith(narrow.toArray(String[]::new));
  }

  private static List<String> pageResults() {
    return browser.js("return [...document.querySelectorAll('#search-results .card__title a')].map(a => a.getAttribute('href'))");
  }

  @Test
  void searchPageListsEveryMatchAndOnlyMatchesAndKeepsTheQueryInTheAddress() {
    for (String query : List.of("voice mail", "replies", "booked", "time zone", "subject line", "référence")) {
      browser.open(base, "/search/");
      WebElement box = browser.driver().findElement(By.id("search-page-q"));
      box.sendKeys(query);
      browser.waitFor("the status for " + query, d -> browser.<String>js(
          "return document.getElementById('search-status').textContent").contains("“" + query + "”"));
      List<String> found = pageResults();
      List<String> expected = expectedMatches(query);
      assertThat(found).as(query).containsExactlyInAnyOrderElementsOf(expected);
      String status = browser.js("return document.getElementById('search-status').textContent");
      assertThat(status).as(query).isEqualTo(
          (expected.isEmpty() ? "No results" : expected.size() == 1 ? "1 result" : expected.size() + " results")
              + " for “" + query + "”");
      String address = URI.create(browser.driver().getCurrentUrl()).getRawQuery();
      assertThat(URLDecoder.decode(address, StandardCharsets.UTF_8)).as(query).isEqualTo("q=" + query);
      browser.driver().navigate().refresh();
      browser.waitFor("results after reload", d -> pageResults().equals(found));
    }
  }

  /**
   * What the index says matches: pages holding, for each word of the query, a stem that is the
   * word's stem, starts with it, or (four letters or more) begins it.
   */
  private static List<String> expectedMatches(String query) {
    List<String> words = SearchTerms.of(query);
    List<String> out = new ArrayList<>();
    for (JsonNode doc : index) {
      Set<String> stems = new HashSet<>(List.of(doc.get("terms").asText().split(" ")));
      List<String> tags = new ArrayList<>();
      doc.get("tags").forEach(t -> tags.add(t.asText()));
      stems.addAll(SearchTerms.of(doc.get("title").asText() + " " + doc.get("summary").asText() + " " + String.join(" ", tags)));
      boolean all = !words.isEmpty();
      for (String w : words) {
        all &= stems.stream().anyMatch(s -> s.startsWith(w) || (s.length() >= 4 && w.startsWith(s)));
      }
      if (all) {
        out.add(doc.get("url").asText());
      }
    }
    return out;
  }

  @Test
  void aQueryWithoutMatchesSaysSo() {
    browser.open(base, "/search/?q=zzyzx%20qwv");
    browser.waitFor("the status", d -> !browser.<String>js("return document.getElementById('search-status').textContent").isEmpty());
    assertThat((String) browser.js("return document.getElementById('search-status').textContent"))
        .isEqualTo("No results for “zzyzx qwv”");
    assertThat(pageResults()).isEmpty();
  }

  @Test
  void theScriptStemsEveryWordOfTheSiteAsTheBakeDoes() {
    browser.open(base, "/search/");
    int checked = 0;
    for (String url : ReaderSite.pages()) {
      String text = ReaderSite.page(url).select("main").text();
      List<String> inBrowser = browser.js("return window.pressSearch.terms(arguments[0])", text);
      assertThat(inBrowser).as(url).isEqualTo(SearchTerms.of(text));
      checked += inBrowser.size();
    }
    String tricky = "Don’t ÉMAIL naïve cafés: replies, replied, stopped, addresses, İstanbul, straße, 15-min, x";
    assertThat(browser.<List<String>>js("return window.pressSearch.terms(arguments[0])", tricky))
        .isEqualTo(SearchTerms.of(tricky));
    assertThat(checked).isGreaterThan(1000);
  }

  @Test
  void withoutJavaScriptTheSearchPageSaysWhereToLook() {
    try {
      browser.javascript(false);
      browser.open(base, "/search/?q=email");
      assertThat(browser.driver().findElement(By.cssSelector("main")).getText())
          .contains("Search runs in your browser and needs JavaScript");
      assertThat(pageResults()).isEmpty();
    } finally {
      browser.javascript(true);
    }
  }

  @Test
  void theHeaderBoxIsOnEveryPageButTheSearchPage() {
    for (String url : ReaderSite.pages()) {
      Document page = ReaderSite.page(url);
      assertThat(page.select("header input[type=search][name=q]")).as(url).hasSize(url.equals("/search/") ? 0 : 1);
    }
  }

  @Test
  void theIndexOfTheContentLibraryStaysSmall() {
    long bytes = ReaderSite.folder().resolve("search/index.json").toFile().length();
    System.out.printf("search index: %d documents, %,d bytes (%.1f KB)%n", index.size(), bytes, bytes / 1024.0);
    assertThat(bytes).as("the index of the content library stays small").isLessThan(60_000);
  }
}
