package press.callback.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SitePathTest {
  @Test
  void decodesSegmentsAndKeepsTheTrailingSlash() {
    SitePath p = SitePath.parse("/articles/2026/caf%C3%A9%20notes/");
    assertThat(p.segments()).containsExactly("articles", "2026", "café notes");
    assertThat(p.folder()).isTrue();
    assertThat(p.relative()).isEqualTo("articles/2026/café notes");
    assertThat(SitePath.parse("/css/site.css").folder()).isFalse();
    assertThat(SitePath.parse("/").segments()).isEmpty();
    assertThat(SitePath.parse("//tags//email.html").relative()).isEqualTo("tags/email.html");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "/../jbake.properties", "/articles/../../etc/passwd", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
    "/.%2e/secret.txt", "/..%2fsecret.txt", "/..%2Fsecret.txt", "/a/%2F..%2F..%2Fsecret.txt",
    "/..%5csecret.txt", "/./index.html", "/index.html%00.png", "/%zz", "/%2", "/%C3%28",
    "relative/path", "", "/caf\u00e9"
  })
  void refusesWhatCouldLeaveTheSite(String raw) {
    assertThat(SitePath.parse(raw)).isNull();
  }

  @Test
  void nullIsRefused() {
    assertThat(SitePath.parse(null)).isNull();
  }
}
