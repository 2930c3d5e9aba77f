package press.callback.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import press.callback.testing.Browser;
import press.callback.testing.NeedsChromium;
import press.callback.testing.ReaderSite;
import press.callback.testing.TestSite;

/**
 * Every page of the site loaded in Chromium on a phone-sized screen: what it downloads (HTML, CSS
 * and JavaScript, measured by the browser, uncompressed) stays within 50 KB, every request goes
 * to the site itself, and nothing moves once shown (no layout shift).
 */
@ExtendWith(NeedsChromium.class)
class PageWeightIT {
  private static final long BUDGET = 50 * 1024;

  private static Browser browser;
  private static URI base;

  /** What one page loaded. */
  record Load(String url, long html, long css, long js, long other, List<String> foreign, double shift) {
    long weight() {
      return html + css + js;
    }
  }

  @BeforeAll
  static void start() {
    browser = Browser.start();
    base = ReaderSite.base();
    browser.viewport(375, 740, 1);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  private static Load load(String url) {
    browser.open(base, url);
    // two frames after load, so every layout shift of the first paints has been reported
    Map<String, Object> m = browser.jsAsync("""
        const done = arguments[arguments.length - 1];
        requestAnimationFrame(() => requestAnimationFrame(() => {
          const nav = performance.getEntriesByType('navigation')[0];
          const sizes = {html: nav.decodedBodySize, css: 0, js: 0, other: 0, foreign: []};
          for (const r of performance.getEntriesByType('resource')) {
            const u = new URL(r.name);
            if (u.origin !== location.origin) { sizes.foreign.push(r.name); continue; }
            const kind = /\\.css$/.test(u.pathname) ? 'css' : /\\.m?js$/.test(u.pathname) ? 'js' : 'other';
            sizes[kind] += r.decodedBodySize;
          }
          // every shift counts: nobody has typed or clicked (Chromium under chromedriver flags
          // the first shifts as after input anyway)
          let shift = 0;
          new PerformanceObserver(list => {
            for (const e of list.getEntries()) shift += e.value;
          }).observe({type: 'layout-shift', buffered: true});
          setTimeout(() => { sizes.shift = shift; done(sizes); }, 0);
        }));""");
    @SuppressWarnings("unchecked")
    List<String> foreign = (List<String>) m.get("foreign");
    return new Load(url, num(m, "html"), num(m, "css"), num(m, "js"), num(m, "other"), foreign,
        ((Number) m.get("shift")).doubleValue());
  }

  private static long num(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).longValue();
  }

  @Test
  void everyPageStaysWithinFiftyKilobytesAsksOnlyTheSiteAndDoesNotShift() {
    List<Load> loads = new ArrayList<>();
    for (String url : ReaderSite.pages()) {
      Load load = load(url);
      loads.add(load);
      assertThat(load.html()).as("%s: the browser measured its HTML", url).isPositive();
      assertThat(load.css()).as("%s: loaded the stylesheet", url).isPositive();
      assertThat(load.js()).as("%s: loaded the search script", url).isPositive();
      assertThat(load.weight()).as("%s: HTML %d + CSS %d + JS %d bytes", url, load.html(), load.css(), load.js())
          .isLessThanOrEqualTo(BUDGET);
      assertThat(load.foreign()).as("%s: requests to other sites", url).isEmpty();
      assertThat(load.other()).as("%s: nothing but HTML, CSS and JS on load", url).isZero();
      assertThat(load.shift()).as("%s: cumulative layout shift", url).isZero();
    }
    assertThat(loads).hasSizeGreaterThan(50);
    Load heaviest = loads.stream().max(Comparator.comparingLong(Load::weight)).orElseThrow();
    System.out.printf("page weight: %d pages, heaviest %s: %.1f KB (HTML %.1f + CSS %.1f + JS %.1f), budget 50 KB%n",
        loads.size(), heaviest.url(), heaviest.weight() / 1024.0, heaviest.html() / 1024.0,
        heaviest.css() / 1024.0, heaviest.js() / 1024.0);
  }

  @Test
  void searchingLoadsOnlyTheIndexBesideThePage() {
    Load page = load("/search/?q=voice");
    browser.waitFor("results", d -> browser.<Long>js("return document.querySelectorAll('#search-results li').length") > 0);
    long index = browser.js("return performance.getEntriesByName(new URL('/search/index.json', location).href)[0].decodedBodySize");
    assertThat(index).isEqualTo(ReaderSite.folder().resolve("search/index.json").toFile().length());
    List<String> requested = browser.js("return performance.getEntriesByType('resource').map(r => new URL(r.name).pathname)");
    assertThat(requested).containsExactlyInAnyOrder("/css/site.css", "/js/search.js", "/search/index.json");
    System.out.printf("search page with a query: %.1f KB of page + %.1f KB of index%n", page.weight() / 1024.0, index / 1024.0);
  }

  private static final Pattern CSS_URL = Pattern.compile("url\\(|@import");

  @Test
  void noPageOrStylesheetPointsTheBrowserAtAnotherSite() {
    for (String f : TestSite.files(ReaderSite.folder(), ".html")) {
      Document page = TestSite.html(ReaderSite.folder(), f);
      for (Element e : page.select("script[src], link[rel=stylesheet], link[rel=icon], link[rel=preload], img, iframe, video, audio, source, object, embed")) {
        String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
        assertThat(url).as(f + ": " + e.outerHtml()).matches("(/[^/].*|data:.*)");
      }
      assertThat(page.select("style").html()).as(f).doesNotContainPattern(CSS_URL);
    }
    Matcher m = CSS_URL.matcher(TestSite.read(ReaderSite.folder().resolve("css/site.css")));
    assertThat(m.find()).as("site.css loads nothing (no fonts, no images, no imports)").isFalse();
  }
}
