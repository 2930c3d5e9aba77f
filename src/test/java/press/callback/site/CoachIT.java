package press.callback.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import press.callback.content.ReplyScore;
import press.callback.testing.Browser;
import press.callback.testing.NeedsChromium;
import press.callback.testing.ReaderSite;

/**
 * The reply coach in Chromium: the browser's scorer ({@code assets/js/reply-score.js}, as the
 * baked site serves it) gives every shared vector's figures, exactly as the Java scorer does in
 * ReplyScoreTest; typing scores as the reader goes, in a live region; a template's "Check your
 * own version" opens the coach with its email, scored as its page shows.
 */
@ExtendWith(NeedsChromium.class)
class CoachIT {
  private static Browser browser;
  private static URI base;

  @BeforeAll
  static void start() {
    browser = Browser.start();
    base = ReaderSite.base();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void theBrowserScoresEverySharedVectorAsJavaDoes() throws Exception {
    JsonNode vectors = new ObjectMapper().readTree(Path.of("src/test/resources/coach/vectors.json").toFile()).get("vectors");
    browser.open(base, "/coach/");
    List<String> names = new ArrayList<>();
    for (JsonNode v : vectors) {
      Map<String, Object> got = browser.js("return ReplyScore.score(arguments[0], arguments[1])",
          v.get("subject").asText(), v.get("body").asText());
      JsonNode want = v.get("expected");
      String name = v.get("name").asText();
      names.add(name);
      assertThat(((Number) got.get("words")).intValue()).as(name + ": words").isEqualTo(want.get("words").asInt());
      assertThat(((Number) got.get("sentences")).intValue()).as(name + ": sentences").isEqualTo(want.get("sentences").asInt());
      assertThat(((Number) got.get("syllables")).intValue()).as(name + ": syllables").isEqualTo(want.get("syllables").asInt());
      assertThat(((Number) got.get("grade")).doubleValue()).as(name + ": grade").isEqualTo(want.get("grade").asDouble());
      assertThat(((Number) got.get("questions")).intValue()).as(name + ": questions").isEqualTo(want.get("questions").asInt());
      assertThat(((Number) got.get("subjectWords")).intValue()).as(name + ": subject words").isEqualTo(want.get("subjectWords").asInt());
      assertThat(got.get("endsWithAsk")).as(name + ": ends with an ask").isEqualTo(want.get("endsWithAsk").asBoolean());
      List<String> suggestions = new ArrayList<>();
      want.get("suggestions").forEach(s -> suggestions.add(s.asText()));
      assertThat(got.get("suggestions")).as(name + ": suggestions").isEqualTo(suggestions);
    }
    assertThat(names).hasSizeGreaterThanOrEqualTo(15);
  }

  @Test
  void typingScoresTheDraftInALiveRegion() {
    browser.open(base, "/coach/");
    WebElement result = browser.driver().findElement(By.id("coach-result"));
    assertThat(result.getAttribute("aria-live")).isEqualTo("polite");
    assertThat(result.getAttribute("role")).isEqualTo("status");
    assertThat(browser.driver().findElement(By.cssSelector("label[for=coach-body]")).getText()).isEqualTo("Email");

    browser.driver().findElement(By.id("coach-subject")).sendKeys("Following up regarding the comprehensive proposal we discussed");
    browser.driver().findElement(By.id("coach-body")).sendKeys(
        "Dear Ms Patel,\n\nI am writing to follow up regarding the comprehensive proposal that I forwarded to your"
            + " organisation approximately three weeks ago.\n\nKind regards,\nDan");

    // the subject alone already gives suggestions: wait for the whole draft's score, not for any
    browser.waitFor("the draft scored", d -> "26".equals(figures().get("Words")));
    assertThat(figures()).containsEntry("Words", "26").containsEntry("Subject words", "8");
    assertThat(browser.driver().findElements(By.cssSelector("#coach-result li")).stream().map(WebElement::getText))
        .containsExactly(
            "Add about 24 words: say who you are and why you write to them.",
            "Use shorter sentences and plainer words: grade "
                + ReplyScore.format(ReplyScore.of("", "Dear Ms Patel,\n\nI am writing to follow up regarding the comprehensive"
                    + " proposal that I forwarded to your organisation approximately three weeks ago.\n\nKind regards,\nDan").grade())
                + "; aim for 6 or lower.",
            "Ask one question.",
            "End with a question or a request for a time.",
            "Shorten the subject to 3–6 words (8 now).");
  }

  @Test
  void aTemplatesLinkOpensTheCoachWithItsEmailScoredAsOnItsPage() {
    String snippet = ReaderSite.page("/snippets/").select(".step .card:not(.card--greeting) .card__title a").first().attr("href");
    Document page = ReaderSite.page(snippet);
    browser.open(base, snippet);
    browser.driver().findElement(By.linkText("Check your own version")).click();
    browser.waitFor("the coach's figures", d -> !d.findElements(By.cssSelector("#coach-result dt")).isEmpty());

    assertThat(browser.<String>js("return document.getElementById('coach-subject').value"))
        .isEqualTo(page.select(".email__subject").first().ownText());
    Map<String, String> shown = figures();
    for (var row : page.select(".reply-score__figures > div")) {
      String value = row.select("dd").first().ownText().strip();
      assertThat(shown.get(row.select("dt").text())).as(row.select("dt").text()).isEqualTo(value);
    }
    assertThat(browser.driver().findElement(By.cssSelector(".coach__ready")).getText()).isEqualTo("Ready to send: nothing to change.");
  }

  /** The figures shown: label → value (without the mark and the aim). */
  private static Map<String, String> figures() {
    return browser.js("""
        const out = {};
        for (const row of document.querySelectorAll('#coach-result dl > div')) {
          out[row.querySelector('dt').textContent] = row.querySelector('dd').firstChild.textContent.trim();
        }
        return out;""");
  }
}
