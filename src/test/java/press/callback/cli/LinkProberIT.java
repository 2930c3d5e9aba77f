package press.callback.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import press.callback.check.LinkStatus;
import press.callback.testing.LoopbackHttp;

/** {@link LinkProber} against a web server on loopback (never the internet). */
class LinkProberIT {
  private final LoopbackHttp server = new LoopbackHttp();
  private final LinkProber prober = new LinkProber(Duration.ofMillis(500), 4);

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void reportsTheFinalStatusOfEachAddress() {
    Map<String, LinkStatus> statuses = prober.probe(server.urls("/ok", "/gone", "/moved", "/down"));

    assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(
        server.url("/ok"), LinkStatus.answered(server.url("/ok"), 200),
        server.url("/gone"), LinkStatus.answered(server.url("/gone"), 404),
        server.url("/moved"), LinkStatus.answered(server.url("/moved"), 200),
        server.url("/down"), LinkStatus.answered(server.url("/down"), 503)));
    assertThat(server.methods("/ok")).containsExactly("HEAD", "HEAD"); // once itself, once after /moved
    assertThat(server.methods("/gone")).containsExactly("HEAD");
  }

  @Test
  void asksWithGetWhenHeadIsNotAllowed() {
    assertThat(prober.probe(List.of(server.url("/no-head"))))
        .containsEntry(server.url("/no-head"), LinkStatus.answered(server.url("/no-head"), 200));
    assertThat(server.methods("/no-head")).containsExactly("HEAD", "GET");
  }

  @Test
  void givesUpOnASlowServerAfterTheTimeout() {
    long start = System.nanoTime();
    Map<String, LinkStatus> statuses = prober.probe(List.of(server.url("/slow")));

    assertThat(statuses.get(server.url("/slow"))).isEqualTo(LinkStatus.failed(server.url("/slow"), "no answer within 0.5 s"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
  }

  @Test
  void asksEachAddressOnce() {
    prober.probe(server.urls("/ok", "/gone", "/ok", "/ok", "/gone"));

    assertThat(server.methods("/ok")).containsExactly("HEAD");
    assertThat(server.methods("/gone")).containsExactly("HEAD");
  }

  @Test
  void asksAFewAddressesAtATime() {
    new LinkProber(Duration.ofSeconds(2), 2).probe(server.urls("/wait/1", "/wait/2", "/wait/3", "/wait/4", "/wait/5", "/wait/6"));

    assertThat(server.total()).isEqualTo(6);
    assertThat(server.maxInFlight()).isEqualTo(2);
  }

  @Test
  void aClosedPortIsAFailureNotAStatus() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/x";

    LinkStatus status = prober.probe(List.of(url)).get(url);

    assertThat(status.ok()).isFalse();
    assertThat(status.status()).isZero();
    assertThat(status.failure()).startsWith("cannot connect");
  }
}
