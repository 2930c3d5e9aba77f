package press.callback.list;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListFlowsTest {
  @Test
  void cleansNamesOfControlCharactersAndCutsThemAt100() {
    assertThat(ListFlows.cleanName("Eve\r\nBcc: x@example.com")).isEqualTo("Eve Bcc: x@example.com");
    assertThat(ListFlows.cleanName("x".repeat(10_000))).hasSize(100);
    assertThat(ListFlows.cleanName("😀".repeat(150)).codePointCount(0, 200)).isEqualTo(100);
    assertThat(ListFlows.cleanName(null)).isEmpty();
  }

  @Test
  void masksAddresses() {
    assertThat(ListFlows.masked("dana@example.org")).isEqualTo("d•••@example.org");
  }

  @Test
  void recordsOnlyTheNetworkOfAClient() throws Exception {
    assertThat(ListFlows.network(java.net.InetAddress.getByName("203.0.113.77"))).isEqualTo("203.0.113.0/24");
    assertThat(ListFlows.network(java.net.InetAddress.getByName("2001:db8:1:2:3::4"))).isEqualTo("2001:db8:1::/48");
  }
}
