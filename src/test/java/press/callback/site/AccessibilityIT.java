package press.callback.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import press.callback.testing.Browser;
import press.callback.testing.NeedsChromium;
import press.callback.testing.ReaderSite;

/**
 * The pages readers meet, in Chromium: axe-core finds no violation of the WCAG 2.0, 2.1 and 2.2
 * A and AA rules in the light or the dark colour scheme; the skip link, landmarks and visible
 * focus work from the keyboard; nothing needs sideways scrolling at 320 pixels or at 200% zoom.
 */
@ExtendWith(NeedsChromium.class)
class AccessibilityIT {
  private static final List<String> WCAG_A_AA =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
  /** The page background of each scheme (site.css). */
  private static final Map<String, String> BACKGROUND =
      Map.of("light", "rgb(253, 252, 250)", "dark", "rgb(21, 23, 27)");

  private static Browser browser;
  private static URI base;
  private static final List<String> summary = new ArrayList<>();

  @BeforeAll
  static void start() {
    browser = Browser.start();
    base = ReaderSite.base();
  }

  @AfterAll
  static void stop() {
    summary.forEach(System.out::println);
    if (browser != null) {
      browser.close();
    }
  }

  /** The pages to check, named: the list, then a few more of each kind. */
  static Map<String, String> pages() {
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("home", "/");
    pages.put("an article", ReaderSite.page("/archive/").select(".archive-list a").first().attr("href"));
    pages.put("tags index", "/tags/");
    pages.put("a tag page", ReaderSite.page("/tags/").select(".tag-index a").first().attr("href"));
    pages.put("archive", "/archive/");
    pages.put("snippet library", "/snippets/");
    pages.put("a snippet", ReaderSite.page("/snippets/").select(".step .card:not(.card--greeting) .card__title a").first().attr("href"));
    pages.put("a greeting", ReaderSite.page("/snippets/").select(".step .card--greeting .card__title a").first().attr("href"));
    pages.put("playbook", "/playbook/");
    pages.put("search results", "/search/?q=follow%20up");
    pages.put("newsletter archive", "/newsletter/");
    pages.put("an issue", ReaderSite.page("/newsletter/").select(".card__title a").first().attr("href"));
    pages.put("tips", "/tips/");
    pages.put("a tip", ReaderSite.page("/tips/").select(".tip__title a").first().attr("href"));
    pages.put("about", "/about/");
    pages.put("subscribe", "/subscribe/");
    pages.put("check your inbox", "/subscribe/check-your-inbox/");
    pages.put("not found", "/404.html");
    pages.put("reply coach, with a template's email scored",
        ReaderSite.page(pages.get("a snippet")).select(".reply-score__coach a").attr("href"));
    return pages;
  }

  private static void open(String url, String scheme) {
    browser.colorScheme(scheme);
    browser.open(base, url);
    if (url.startsWith("/search/?")) {
      browser.waitFor("search results", d -> browser.<Long>js("return document.querySelectorAll('#search-results li').length") > 0);
    }
    if (url.startsWith("/coach/?")) {
      browser.waitFor("the coach's figures", d -> browser.<Long>js("return document.querySelectorAll('#coach-result dt').length") > 0);
    }
    assertThat(browser.<String>js("return getComputedStyle(document.body).backgroundColor"))
        .as("%s is shown in the %s scheme", url, scheme)
        .isEqualTo(BACKGROUND.get(scheme));
  }

  @TestFactory
  Stream<DynamicTest> axeFindsNoWcagViolationsInEitherScheme() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String scheme : List.of("light", "dark")) {
      pages().forEach((name, url) -> tests.add(DynamicTest.dynamicTest(name + " (" + url + "), " + scheme, () -> {
        open(url, scheme);
        Results results = new AxeBuilder().withTags(WCAG_A_AA).analyze(browser.driver());
        assertThat(results.isErrored()).as(results.getErrorMessage()).isFalse();
        assertThat(results.getPasses()).as("axe ran its rules on " + url).isNotEmpty();
        assertThat(results.getViolations()).withFailMessage(() -> describe(url, scheme, results.getViolations())).isEmpty();
        summary.add(String.format("axe %s, %-18s %-6s %2d rules passed, 0 violations, %d to review%s",
            results.getTestEngine().getVersion(), name, scheme, results.getPasses().size(),
            results.getIncomplete().size(),
            results.getIncomplete().isEmpty() ? "" : " " + results.getIncomplete().stream().map(Rule::getId).toList()));
      })));
    }
    return tests.stream();
  }

  private static String describe(String url, String scheme, List<Rule> violations) {
    StringBuilder out = new StringBuilder(url + " in the " + scheme + " scheme breaks WCAG rules:");
    for (Rule rule : violations) {
      out.append("\n- ").append(rule.getId()).append(" (").append(rule.getImpact()).append("): ").append(rule.getHelp());
      for (CheckedNode node : rule.getNodes()) {
        out.append("\n    ").append(node.getTarget()).append(": ").append(node.getHtml())
            .append("\n      ").append(String.valueOf(node.getFailureSummary()).replace("\n", "\n      "));
      }
    }
    return out.toString();
  }

  @Test
  void landmarksAndOneHeadingOnEveryPage() {
    for (String url : pages().values()) {
      open(url, "light");
      Map<String, Long> count = browser.js("""
          const n = s => document.querySelectorAll(s).length;
          return {banner: n('body > header'), main: n('main'), contentinfo: n('body > footer'),
                  nav: n('nav[aria-label="Main"]'), search: n('[role=search]'), h1: n('h1'),
                  outside: [...document.body.children].filter(e => !e.matches(
                      'header, main, footer, a.skip-link, script')).length};""");
      assertThat(count).as(url).containsEntry("banner", 1L).containsEntry("main", 1L)
          .containsEntry("contentinfo", 1L).containsEntry("nav", 1L).containsEntry("search", 1L)
          .containsEntry("h1", 1L).containsEntry("outside", 0L);
    }
  }

  @Test
  void theSkipLinkComesFirstShowsItselfAndMovesFocusToTheContent() {
    for (String scheme : List.of("light", "dark")) {
      open(pages().get("an article"), scheme);
      Actions keys = new Actions(browser.driver());
      keys.sendKeys(Keys.TAB).perform();
      Map<String, Object> focused = browser.js("""
          const e = document.activeElement, r = e.getBoundingClientRect();
          return {text: e.textContent, top: r.top, height: r.height};""");
      assertThat(focused.get("text")).isEqualTo("Skip to content");
      assertThat(((Number) focused.get("top")).doubleValue()).as("the focused skip link is on screen").isGreaterThanOrEqualTo(0);
      assertThat(((Number) focused.get("height")).doubleValue()).isGreaterThan(10);
      keys.sendKeys(Keys.ENTER).perform();
      assertThat(browser.<String>js("return document.activeElement.id")).isEqualTo("main");
      keys.sendKeys(Keys.TAB).perform();
      assertThat(browser.<Boolean>js("return document.querySelector('main').contains(document.activeElement)"))
          .as("the next Tab stays in the content").isTrue();
    }
  }

  @Test
  void everyKeyboardStopShowsAFocusRingThatStandsOutFromThePage() {
    for (String scheme : List.of("light", "dark")) {
      for (String url : List.of(pages().get("a snippet"), "/search/?q=call")) {
        open(url, scheme);
        Actions keys = new Actions(browser.driver());
        int stops = 0;
        for (int i = 0; i < 60; i++) {
          keys.sendKeys(Keys.TAB).perform();
          Map<String, Object> ring = browser.js("""
              const e = document.activeElement;
              if (e === document.body) return null;
              const s = getComputedStyle(e);
              return {what: e.outerHTML.slice(0, 80), style: s.outlineStyle, width: parseFloat(s.outlineWidth),
                      color: s.outlineColor, background: getComputedStyle(document.body).backgroundColor};""");
          if (ring == null) {
            break;
          }
          stops++;
          String what = url + " (" + scheme + "): " + ring.get("what");
          assertThat(ring.get("style")).as(what).isEqualTo("solid");
          assertThat(((Number) ring.get("width")).doubleValue()).as(what).isGreaterThanOrEqualTo(2);
          assertThat(contrast((String) ring.get("color"), (String) ring.get("background")))
              .as(what + ": focus ring against the page").isGreaterThanOrEqualTo(3.0);
        }
        assertThat(stops).as(url).isGreaterThan(15);
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> readsWithoutSidewaysScrollingAt320PixelsAndAt200PercentZoom() {
    List<DynamicTest> tests = new ArrayList<>();
    record Screen(String name, int width, int height, int zoom) {}
    for (Screen screen : List.of(new Screen("320 px phone", 320, 640, 1), new Screen("1280 px at 200%", 640, 400, 2))) {
      pages().forEach((name, url) -> tests.add(DynamicTest.dynamicTest(name + " (" + url + "), " + screen.name(), () -> {
        try {
          browser.viewport(screen.width(), screen.height(), screen.zoom());
          open(url, "light");
          Map<String, Object> layout = browser.js("""
              const wide = [...document.querySelectorAll('main *, header *, footer *')].filter(e => {
                const r = e.getBoundingClientRect();
                if (r.width === 0 || r.right <= document.documentElement.clientWidth + 1) return false;
                for (let p = e.parentElement; p; p = p.parentElement) {
                  if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return false;
                }
                return true;
              }).map(e => e.outerHTML.slice(0, 100));
              return {scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth,
                      wide: wide, box: document.querySelector('input[type=search]').getBoundingClientRect().width};""");
          assertThat(((Number) layout.get("scroll")).intValue()).as("%s at %s: page width", url, screen.name())
              .isLessThanOrEqualTo(((Number) layout.get("width")).intValue());
          assertThat((List<?>) layout.get("wide")).as("%s at %s: elements past the right edge", url, screen.name()).isEmpty();
          assertThat(((Number) layout.get("box")).doubleValue()).as("%s: the search box is usable", url).isGreaterThan(150);
        } finally {
          browser.viewport(1280, 900, 1);
        }
      })));
    }
    return tests.stream();
  }

  /** WCAG contrast ratio of two {@code rgb(r, g, b)} colours. */
  static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(String rgb) {
    String[] parts = rgb.replaceAll("[^0-9.,]", "").split(",");
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = Double.parseDouble(parts[i]) / 255;
      c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }
}
