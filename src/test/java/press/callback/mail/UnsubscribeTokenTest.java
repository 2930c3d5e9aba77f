package press.callback.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UnsubscribeTokenTest {
  private final UnsubscribeToken tokens = new UnsubscribeToken("a-secret-of-16-chars-or-more", "weekly.example.org");

  @Test
  void verifiesItsOwnTokensAndReturnsTheAddress() {
    String token = tokens.create("Ann@Example.org");
    assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
    assertThat(tokens.verify(token)).contains("ann@example.org");
    assertThat(tokens.create("ann@example.org")).isEqualTo(token);
  }

  @Test
  void rejectsAlteredForgedAndForeignTokens() {
    String token = tokens.create("ann@example.org");
    String otherAddress = tokens.create("bob@example.org");
    String forged = otherAddress.substring(0, otherAddress.indexOf('.')) + token.substring(token.indexOf('.'));
    assertThat(tokens.verify(forged)).isEmpty();
    assertThat(tokens.verify(token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A"))).isEmpty();
    assertThat(new UnsubscribeToken("another-secret-of-16-chars", "weekly.example.org").verify(token)).isEmpty();
    assertThat(new UnsubscribeToken("a-secret-of-16-chars-or-more", "other.list").verify(token)).isEmpty();
    assertThat(tokens.verify("garbage")).isEmpty();
    assertThat(tokens.verify("!!!.???")).isEmpty();
  }

  @Test
  void needsALongEnoughSecret() {
    assertThatThrownBy(() -> new UnsubscribeToken("short", "x")).hasMessageContaining("at least 16");
  }
}
