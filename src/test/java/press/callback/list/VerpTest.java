package press.callback.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerpTest {
  private final Tokens tokens = new Tokens(List.of("a-secret-of-sixteen+"), "weekly.callback.press");
  private final Verp verp = new Verp("bounce@Callback.Press", tokens);

  @Test
  void theSenderNamesTheMemberAndTheIssueAndReadsBack() {
    String sender = verp.sender(123_456_789L, "2026-11-30");

    assertThat(sender).matches("bounce\\+21i3v9\\.2026-11-30\\.[a-z2-7]{10}@callback\\.press");
    assertThat(verp.recipient(sender)).contains(new Tokens.BounceId(123_456_789L, Optional.of("2026-11-30")));
    assertThat(verp.recipient("<" + sender.toUpperCase() + ">")).as("a server that folds case")
        .contains(new Tokens.BounceId(123_456_789L, Optional.of("2026-11-30")));
  }

  @Test
  void theLocalPartStaysWithinSixtyFourCharacters() {
    String longIssue = "a-very-long-issue-name-that-would-not-fit-at-all";
    String sender = verp.sender(Long.MAX_VALUE, longIssue);

    assertThat(sender.substring(0, sender.indexOf('@'))).hasSizeLessThanOrEqualTo(64);
    assertThat(verp.recipient(sender)).contains(new Tokens.BounceId(Long.MAX_VALUE, Optional.empty()));
    assertThat(verp.recipient(verp.sender(7, "Not A Slug"))).contains(new Tokens.BounceId(7, Optional.empty()));
  }

  @Test
  void aForgedOrForeignIdNamesNobody() {
    String sender = verp.sender(42, "2026-11-30");
    String forged = sender.replace("+16.", "+17.");
    Verp other = new Verp("bounce@callback.press", new Tokens(List.of("another-secret-16+"), "weekly.callback.press"));

    assertThat(forged).isNotEqualTo(sender);
    assertThat(verp.recipient(forged)).isEmpty();
    assertThat(other.recipient(sender)).as("another list's secret").isEmpty();
    assertThat(verp.recipient(sender.replace("@callback.press", "@example.org"))).isEmpty();
    assertThat(verp.recipient(sender.replace("bounce+", "bounces+"))).isEmpty();
    assertThat(verp.recipient("bounce@callback.press")).isEmpty();
    assertThat(verp.recipient("bounce+@callback.press")).isEmpty();
    assertThat(verp.recipient("bounce+..@callback.press")).isEmpty();
    assertThat(verp.recipient("bounce+zzzzzzzzzzzzzzzzzzzz.x.aaaaaaaaaa@callback.press")).isEmpty();
    assertThat(verp.recipient(null)).isEmpty();
  }

  @Test
  void aRotatedSecretStillReadsOldBounces() {
    String old = verp.sender(42, "2026-11-30");
    Verp rotated = new Verp("bounce@callback.press", new Tokens(List.of("the-new-secret-16+", "a-secret-of-sixteen+"), "weekly.callback.press"));

    assertThat(rotated.recipient(old)).contains(new Tokens.BounceId(42, Optional.of("2026-11-30")));
  }

  @Test
  void refusesABounceAddressWithoutRoom() {
    assertThatThrownBy(() -> new Verp("bounce+x@callback.press", tokens)).hasMessageContaining("without '+'");
    assertThatThrownBy(() -> new Verp("Bounces <bounce@callback.press>", tokens)).hasMessageContaining("plain address");
    assertThatThrownBy(() -> new Verp("a".repeat(41) + "@callback.press", tokens)).hasMessageContaining("no room");
  }
}
