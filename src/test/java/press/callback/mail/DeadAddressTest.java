package press.callback.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeadAddressTest {
  @Test
  void mailboxAndDomainRefusalsAreDead() {
    assertThat(DeadAddress.isDead(550, "550 5.1.1 <a@x.org>: Recipient address rejected: User unknown")).isTrue();
    assertThat(DeadAddress.isDead(550, "550-5.1.1 The email account that you tried to reach does not exist")).isTrue();
    assertThat(DeadAddress.isDead(554, "554 5.1.2 bad destination system address")).isTrue();
    assertThat(DeadAddress.isDead(550, "550 5.2.1 mailbox disabled")).isTrue();
    assertThat(DeadAddress.isDead(550, "550 Requested action not taken: mailbox unavailable")).isTrue();
  }

  @Test
  void policyTemporaryAndSenderRefusalsAreNot() {
    assertThat(DeadAddress.isDead(550, "550 5.7.1 Client host rejected: blocked by policy")).isFalse();
    assertThat(DeadAddress.isDead(554, "554 5.7.1 Relay access denied")).isFalse();
    assertThat(DeadAddress.isDead(550, "550 5.1.8 sender address rejected")).isFalse();
    assertThat(DeadAddress.isDead(552, "552 5.2.2 mailbox full")).isFalse();
    assertThat(DeadAddress.isDead(450, "450 4.1.1 try later")).isFalse();
    assertThat(DeadAddress.isDead(550, "550 4.1.1 odd but temporary")).isFalse();
    assertThat(DeadAddress.isDead(550, "550 relaying denied")).isFalse();
    assertThat(DeadAddress.isDead(554, "554 transaction failed")).isFalse();
  }
}
