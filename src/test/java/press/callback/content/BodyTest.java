package press.callback.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A body's text, word count and search terms are worked out once, and only when asked. */
class BodyTest {
  @Test
  void worksOutTheTextOnlyWhenAskedAndOnce() {
    AtomicInteger calls = new AtomicInteger();
    Body body = new Body("<p>Call me back, please.</p>\n", "Call me back, please.", null, "", () -> {
      calls.incrementAndGet();
      return "Call me back, please.";
    });
    assertThat(body.html()).isEqualTo("<p>Call me back, please.</p>\n");
    assertThat(body.firstParagraph()).isEqualTo("Call me back, please.");
    assertThat(calls).hasValue(0);

    assertThat(body.words()).isEqualTo(4);
    assertThat(body.text()).isEqualTo("Call me back, please.");
    assertThat(body.readingMinutes()).isEqualTo(1);
    assertThat(body.terms()).contains("call", "back");
    assertThat(calls).hasValue(1);
  }

  @Test
  void readingTimeRoundsUpAt230WordsAMinute() {
    assertThat(new Body("", "", null, "", () -> "word ".repeat(230)).readingMinutes()).isEqualTo(1);
    assertThat(new Body("", "", null, "", () -> "word ".repeat(231)).readingMinutes()).isEqualTo(2);
    assertThat(new Body("", "", null, "", () -> "").readingMinutes()).isEqualTo(1);
  }

  @Test
  void theRendererCountsTheSameWordsAsBefore() throws Exception {
    // The article renderer's text is flexmark's text of the Markdown, as it was before it was lazy.
    Body body = new BodyRenderer().render(
        new Document("content/articles/a.md", "articles/a.md", new Fields.Article(), "A", null, Status.PUBLISHED,
            java.util.List.of(), null, "Skip the *voice mail*.\n\n- Find the address\n- Write it\n",
            1, true, java.util.Map.of()));
    assertThat(body.words()).isEqualTo(9);
    assertThat(body.firstParagraph()).isEqualTo("Skip the voice mail.");
  }
}
