package press.callback.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class ReplyScoreTest {
  /** The vectors shared with the browser's implementation (JSON is YAML). */
  @SuppressWarnings("unchecked")
  static Stream<Arguments> vectors() throws IOException {
    Map<String, Object> doc = (Map<String, Object>) new Load(LoadSettings.builder().build())
        .loadFromString(Files.readString(Path.of("src/test/resources/coach/vectors.json")));
    return ((List<Map<String, Object>>) doc.get("vectors")).stream()
        .map(v -> Arguments.of(v.get("name"), v.get("subject"), v.get("body"), v.get("expected")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void matchesTheSharedVectors(String name, String subject, String body, Map<String, Object> expected) {
    ReplyScore s = ReplyScore.of(subject, body);
    assertThat(s.words()).as("words").isEqualTo(expected.get("words"));
    assertThat(s.sentences()).as("sentences").isEqualTo(expected.get("sentences"));
    assertThat(s.syllables()).as("syllables").isEqualTo(expected.get("syllables"));
    assertThat(s.grade()).as("grade").isEqualTo(((Number) expected.get("grade")).doubleValue());
    assertThat(s.questions()).as("questions").isEqualTo(expected.get("questions"));
    assertThat(s.subjectWords()).as("subject words").isEqualTo(expected.get("subjectWords"));
    assertThat(s.endsWithAsk()).as("ends with an ask").isEqualTo(expected.get("endsWithAsk"));
    assertThat(s.suggestions()).as("suggestions").isEqualTo(expected.get("suggestions"));
  }

  @ParameterizedTest
  @CsvSource({
    "make, 1", "table, 2", "whale, 1", "canoe, 2", "the, 1", "free, 1", "asked, 1", "wanted, 2",
    "agreed, 2", "played, 1", "simple, 2", "Tuesday?, 2", "{your_name}, 1", "'{name},', 1", "2026, 1",
    "Hélène, 2", "café, 2", "organisational, 6", "rhythm, 1", "'—', 1"
  })
  void syllablesFollowTheDocumentedRule(String word, int syllables) {
    assertThat(ReplyScore.syllables(word)).isEqualTo(syllables);
  }

  @Test
  void gradeIsFleschKincaidRoundedToOneDecimal() {
    // 13 words, 4 sentences, 14 syllables: 0.39 × 13/4 + 11.8 × 14/13 − 15.59 = −1.6148…
    ReplyScore s = ReplyScore.of("Quick question", "Hi Ann,\n\nI read your post. Can we talk on Tuesday?\n\nThanks,\nBo");
    assertThat(List.of(s.words(), s.sentences(), s.syllables())).containsExactly(13, 4, 14);
    assertThat(s.grade()).isEqualTo(-1.6);
  }

  @Test
  void placeholdersAreOneWordAndSpacesOfAnyKindSeparate() {
    assertThat(ReplyScore.of("", "{first_name}\u00a0{last_name}\tand\u2009{company}").words()).isEqualTo(4);
  }

  @Test
  void gateIsFiftyToOneHundredTwentyFiveWordsAtGradeEightOrLower() {
    String sixty = "We can talk. ".repeat(20);
    assertThat(ReplyScore.of("Talk soon", sixty).passesGate()).isTrue();
    assertThat(ReplyScore.of("Talk soon", "We can talk. ".repeat(16)).passesGate()).isFalse(); // 48 words
    assertThat(ReplyScore.of("Talk soon", "We can talk. ".repeat(42)).passesGate()).isFalse(); // 126 words
    String hard = "Organisational communication methodologies necessitate considerable deliberation. ".repeat(10);
    assertThat(ReplyScore.of("Talk soon", hard).passesGate()).isFalse();
  }

  @Test
  void aLongWindedEmailNearTheMinimumHearsPlainerWordsFirst() {
    // Issue 17: a 48-word corporate email was told first to "add about 2 words".
    String bloated = "Hi Dana,\n\nRegarding our comprehensive organizational transformation initiatives, we would"
        + " appreciate facilitating an exploratory discussion concerning potential collaborative synergies,"
        + " particularly operational efficiency optimization methodologies and strategic alignment"
        + " considerations across departments.\n\nWould you be available for a preliminary conversation"
        + " sometime next week, perhaps?\n\nBest regards,\nMorgan Lee";
    ReplyScore s = ReplyScore.of("Strategic partnership opportunities", bloated);
    assertThat(s.words()).isBetween(ReplyScore.MIN_WORDS - ReplyScore.NEAR_MINIMUM, ReplyScore.MIN_WORDS - 1);
    assertThat(s.suggestions().get(0)).startsWith("Use shorter sentences and plainer words");
    assertThat(s.suggestions().get(1)).startsWith("Add about");

    String plainButShort = "Hi Dana,\n\nI saw your note on the new team. " + "We can help with that. ".repeat(6)
        + "\n\nCan we talk on Monday?\n\nBo";
    ReplyScore easy = ReplyScore.of("Your new team", plainButShort);
    assertThat(easy.words()).isLessThan(ReplyScore.MIN_WORDS);
    assertThat(easy.suggestions().get(0)).as("plain words: adding is the advice").startsWith("Add about");
  }

  @Test
  void gradesAreShownWithoutATrailingZero() {
    assertThat(ReplyScore.format(6)).isEqualTo("6");
    assertThat(ReplyScore.format(5.2)).isEqualTo("5.2");
    assertThat(ReplyScore.format(-1.6)).isEqualTo("-1.6");
  }

  @Test
  void saysTheGradeInWordsWithTheAimTheLastEasyGrade() {
    assertThat(ReplyScore.level(-3)).isEqualTo("very easy to read");
    assertThat(ReplyScore.level(1.1)).isEqualTo("very easy to read");
    assertThat(ReplyScore.level(5)).isEqualTo("very easy to read");
    assertThat(ReplyScore.level(5.1)).isEqualTo("easy to read");
    assertThat(ReplyScore.level(ReplyScore.AIM_GRADE)).isEqualTo("easy to read");
    assertThat(ReplyScore.level(6.1)).isEqualTo("fairly easy to read");
    assertThat(ReplyScore.level(ReplyScore.MAX_GRADE)).isEqualTo("plain English");
    assertThat(ReplyScore.level(11)).isEqualTo("fairly hard to read");
    assertThat(ReplyScore.level(14)).isEqualTo("hard to read");
    assertThat(ReplyScore.level(16.1)).isEqualTo("very hard to read");
  }
}
