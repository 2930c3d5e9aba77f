package press.callback.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTermsTest {
  @Test
  void reducesInflectionsToOneStem() {
    assertThat(SearchTerms.stem("replies")).isEqualTo("reply");
    assertThat(SearchTerms.stem("replied")).isEqualTo("reply");
    assertThat(SearchTerms.stem("reply")).isEqualTo("reply");
    assertThat(SearchTerms.stem("booking")).isEqualTo("book");
    assertThat(SearchTerms.stem("booked")).isEqualTo("book");
    assertThat(SearchTerms.stem("stopped")).isEqualTo("stop");
    assertThat(SearchTerms.stem("calling")).isEqualTo("call");
    assertThat(SearchTerms.stem("called")).isEqualTo("call");
    assertThat(SearchTerms.stem("voices")).isEqualTo("voic");
    assertThat(SearchTerms.stem("voice")).isEqualTo("voic");
    assertThat(SearchTerms.stem("messaging")).isEqualTo("messag");
    assertThat(SearchTerms.stem("addresses")).isEqualTo("address");
    assertThat(SearchTerms.stem("quickly")).isEqualTo("quick");
  }

  @Test
  void leavesShortAndLookalikeWordsAlone() {
    assertThat(SearchTerms.stem("add")).isEqualTo("add");
    assertThat(SearchTerms.stem("added")).isEqualTo("add");
    assertThat(SearchTerms.stem("business")).isEqualTo("business");
    assertThat(SearchTerms.stem("status")).isEqualTo("status");
    assertThat(SearchTerms.stem("analysis")).isEqualTo("analysis");
    assertThat(SearchTerms.stem("thing")).isEqualTo("thing");
    assertThat(SearchTerms.stem("early")).isEqualTo("early");
    assertThat(SearchTerms.stem("time")).isEqualTo("time");
  }

  @Test
  void keepsEachStemOnceWithoutCommonWordsAccentsOrApostrophes() {
    assertThat(SearchTerms.of("Don’t call; EMAIL them. Emails get replies — a café’s reply, naïve résumé!"))
        .containsExactly("dont", "call", "email", "get", "reply", "cafe", "naiv", "resum");
  }

  @Test
  void splitsOnEverythingButLettersAndDigits() {
    assertThat(SearchTerms.of("call-back in 15 minutes/day, (2026)"))
        .containsExactly("call", "back", "15", "minut", "day", "2026");
    assertThat(SearchTerms.of("  ")).isEmpty();
  }
}
