package press.callback.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The unsubscribe secrets as every command reads them from the environment. */
class ListSecretsTest {
  private static final ListSecrets.Wording WORDING = new ListSecrets.Wording("is not set", "export it", "a dev note", "too short");
  private static final String SECRET = "0123456789abcdef";

  private static ListSecrets.Read read(Map<String, String> env, boolean realMail, boolean withPrevious) {
    return ListSecrets.read(env::get, realMail, withPrevious, WORDING);
  }

  @Test
  void readsTheCurrentSecretThenThePreviousOnes() {
    ListSecrets.Read r = read(Map.of("PRESS_UNSUBSCRIBE_SECRET", SECRET,
        "PRESS_UNSUBSCRIBE_SECRET_PREVIOUS", " old-secret-0123456 , ,older-secret-012345"), true, true);
    assertThat(r).isEqualTo(new ListSecrets.Found(List.of(SECRET, "old-secret-0123456", "older-secret-012345"),
        Optional.empty()));
  }

  @Test
  void ignoresThePreviousSecretsWhenOnlyNewTokensAreMade() {
    ListSecrets.Read r = read(Map.of("PRESS_UNSUBSCRIBE_SECRET", SECRET, "PRESS_UNSUBSCRIBE_SECRET_PREVIOUS", "short"),
        true, false);
    assertThat(r).isEqualTo(new ListSecrets.Found(List.of(SECRET), Optional.empty()));
  }

  @Test
  void refusesRealMailWithoutASecret() {
    ListSecrets.Read r = read(Map.of(), true, true);
    assertThat(r).isInstanceOf(ListSecrets.Refused.class);
    assertThat(((ListSecrets.Refused) r).problem().format())
        .isEqualTo("PRESS_UNSUBSCRIBE_SECRET: error: is not set\n  hint: export it");
    assertThat(r.note()).isEmpty();
  }

  @Test
  void usesTheDevelopmentSecretWhenNoRealMailLeaves() {
    ListSecrets.Read r = read(Map.of("PRESS_UNSUBSCRIBE_SECRET", ""), false, true);
    assertThat(r).isEqualTo(new ListSecrets.Found(List.of(ListSecrets.DEVELOPMENT), Optional.of("a dev note")));
  }

  @Test
  void refusesASecretShorterThanSixteenBytesAfterTheNote() {
    ListSecrets.Read r = read(Map.of("PRESS_UNSUBSCRIBE_SECRET_PREVIOUS", "short"), false, true);
    assertThat(r.note()).contains("a dev note");
    assertThat(((ListSecrets.Refused) r).problem().format())
        .isEqualTo("PRESS_UNSUBSCRIBE_SECRET: error: too short\n  hint: use 16 or more random characters");
  }
}
