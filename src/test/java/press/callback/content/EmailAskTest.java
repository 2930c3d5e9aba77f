package press.callback.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAskTest {
  @Test
  void findsTheLastSentenceBeforeTheSignOff() {
    assertThat(EmailAsk.lastSentence("Hi Ann,\n\nOne. Two? Three.\n\nThanks,\nBo")).isEqualTo("Three.");
    assertThat(EmailAsk.lastSentence("Hi Ann,\n\nIt is fine.\nWhich day works\nfor you?\n\nAll the best,\n{your_name}"))
        .isEqualTo("Which day works for you?");
    assertThat(EmailAsk.lastSentence("Hi {name}, Tuesday at 10 or Wednesday at 2?")).isEqualTo("Hi {name}, Tuesday at 10 or Wednesday at 2?");
    assertThat(EmailAsk.lastSentence("")).isEmpty();
  }

  @Test
  void questionsAndRequestsAreAsks() {
    assertThat(EmailAsk.missingAsk("Hi,\n\nIs it a \"yes,\" a \"later,\" or a \"no\" for you?\n\nThanks,\nBo")).isEmpty();
    assertThat(EmailAsk.missingAsk("Is it “Tuesday?”")).isEmpty();
    assertThat(EmailAsk.missingAsk("For anything urgent, please write to Cy.\n\nThanks,\nBo")).isEmpty();
    assertThat(EmailAsk.missingAsk("Let me know which one suits you.")).isEmpty();
    assertThat(EmailAsk.missingAsk("Would you send me the deck by Friday.")).isEmpty();
    assertThat(EmailAsk.missingAsk("Pick the slot that suits you best.\n\nCheers!\nBo")).isEmpty();
  }

  @Test
  void statementsAreNotAsks() {
    assertThat(EmailAsk.missingAsk("Hi,\n\nI will call you on Tuesday at 10.\n\nThanks,\nBo")).contains("I will call you on Tuesday at 10.");
    assertThat(EmailAsk.missingAsk("Again, that is ann@example.org.")).contains("Again, that is ann@example.org.");
    assertThat(EmailAsk.missingAsk("I will reply within a day of my return.")).isPresent();
  }
}
