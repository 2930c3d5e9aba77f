package press.callback.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import press.callback.content.ReplyScore;
import press.callback.testing.Browser;
import press.callback.testing.NeedsChromium;
import press.callback.testing.ReaderSite;

/**
 * Layout a reader sees, measured in Chromium on the project's own site: a compact header on a
 * phone with a search box whose field and button match; a desktop home page that uses its width
 * (hero buttons side by side, the five steps in one row); the reply-readiness panel in two
 * columns on a phone; and the browser's reading level in words agreeing with Java's.
 */
@ExtendWith(NeedsChromium.class)
class ReaderLayoutIT {
  /** The header took about 170 px on a phone before it was made compact (issue 17). */
  private static final double PHONE_HEADER_MAX = 130;

  private static Browser browser;
  private static URI base;

  @BeforeAll
  static void start() {
    browser = Browser.start();
    base = ReaderSite.base();
    browser.cdp("Emulation.setScrollbarsHidden", Map.of("hidden", true));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void thePhoneHeaderIsCompactAndItsSearchFieldMatchesItsButton() {
    browser.viewport(375, 740, 1);
    for (String path : List.of("/", ReaderSite.page("/snippets/").select(".step .card:not(.card--greeting) .card__title a").first().attr("href"))) {
      open(path);
      double header = browser.<Number>js("return document.querySelector('.site-header').getBoundingClientRect().height").doubleValue();
      assertThat(header).as(path + ": header height").isLessThanOrEqualTo(PHONE_HEADER_MAX);
      Map<String, Object> box = browser.js("""
          const i = document.querySelector('.site-search__input').getBoundingClientRect();
          const b = document.querySelector('.site-search__button').getBoundingClientRect();
          const brand = document.querySelector('.brand').getBoundingClientRect();
          const cs = getComputedStyle(document.querySelector('.site-search__input'));
          return {ih: i.height, bh: b.height, it: i.top, bt: b.top, gap: b.left - i.right,
                  brandTop: brand.top, brandBottom: brand.bottom, right: cs.borderTopRightRadius};""");
      assertThat(((Number) box.get("ih")).doubleValue()).as(path + ": field and button heights")
          .isCloseTo(((Number) box.get("bh")).doubleValue(), within(0.5));
      assertThat(((Number) box.get("it")).doubleValue()).isCloseTo(((Number) box.get("bt")).doubleValue(), within(0.5));
      assertThat(((Number) box.get("gap")).doubleValue()).as(path + ": field and button touch").isCloseTo(0, within(0.5));
      assertThat(box.get("right")).as(path + ": the field's inner corners are square").isEqualTo("0px");
      assertThat(((Number) box.get("it")).doubleValue()).as(path + ": the search box is on the name's line")
          .isLessThan(((Number) box.get("brandBottom")).doubleValue());
    }
  }

  @Test
  void theDesktopHomePageUsesItsWidth() {
    browser.viewport(1280, 900, 1);
    open("/");
    List<Number> buttons = browser.js("return [...document.querySelectorAll('.hero__actions a')].map(a => a.getBoundingClientRect().top)");
    assertThat(buttons).hasSize(2);
    assertThat(buttons.get(1).doubleValue()).as("the hero buttons side by side").isCloseTo(buttons.get(0).doubleValue(), within(0.5));
    List<Number> steps = browser.js("return [...document.querySelectorAll('.method__step')].map(s => s.getBoundingClientRect().top)");
    assertThat(steps).hasSize(5).allSatisfy(t -> assertThat(t.doubleValue()).isCloseTo(steps.get(0).doubleValue(), within(0.5)));
    Map<String, Number> hero = browser.js("""
        const h = document.querySelector('.hero').getBoundingClientRect();
        const s = document.querySelector('.home-sample').getBoundingClientRect();
        return {heroTop: h.top, sampleTop: s.top, sampleLeft: s.left, heroRight: h.right,
                main: document.querySelector('main').getBoundingClientRect().width};""");
    assertThat(hero.get("sampleLeft").doubleValue()).as("the template beside the hero").isGreaterThan(hero.get("heroRight").doubleValue());
    assertThat(hero.get("main").doubleValue()).as("the page's width").isGreaterThan(1000);
  }

  @Test
  void theReplyReadinessPanelHasTwoColumnsOnAPhone() {
    browser.viewport(375, 740, 1);
    open(ReaderSite.page("/snippets/").select(".step .card:not(.card--greeting) .card__title a").first().attr("href"));
    List<Number> lefts = browser.js("return [...document.querySelectorAll('.reply-score__figures > div')].map(d => d.getBoundingClientRect().left)");
    assertThat(lefts.stream().map(Number::doubleValue).distinct().count()).as("columns").isEqualTo(2);
  }

  @Test
  void theBrowserSaysTheReadingLevelAsJavaDoes() {
    open("/coach/");
    List<Double> grades = new ArrayList<>();
    for (int tenths = -50; tenths <= 200; tenths++) {
      grades.add(tenths / 10.0);
    }
    List<String> got = browser.js("return arguments[0].map(g => ReplyScore.level(g))", grades);
    assertThat(got).isEqualTo(grades.stream().map(ReplyScore::level).toList());
  }

  private static void open(String path) {
    browser.open(base, path);
    browser.waitFor("the stylesheet of " + path, d -> Boolean.TRUE.equals(
        browser.js("return [...document.styleSheets].some(s => s.href && s.href.endsWith('/css/site.css') && s.cssRules.length > 0)")));
  }
}
