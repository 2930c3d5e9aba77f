package press.callback.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HrefTest {
  private static final Href.Host HOST = Href.Host.of("https://Example.org/blog/");

  @Test
  void resolvesAgainstThePagesFolder() {
    assertThat(Href.of("a/b/index.html", "../c/#x", HOST)).isEqualTo(new Href(Href.Kind.INTERNAL, "/a/c/", "x", ""));
    assertThat(Href.of("a/b/index.html", "#x", HOST)).isEqualTo(new Href(Href.Kind.INTERNAL, "/a/b/index.html", "x", ""));
    assertThat(Href.of("a/b/index.html", "img.png?v=2", HOST)).isEqualTo(new Href(Href.Kind.INTERNAL, "/a/b/img.png", "", ""));
    assertThat(Href.of("index.html", "/../../x/./y", HOST).path()).isEqualTo("/x/y");
    assertThat(Href.of("index.html", "/tags/q%26a.html", HOST).path()).isEqualTo("/tags/q&a.html");
    assertThat(Href.of("index.html", "/caf%C3%A9/a+b/%zz", HOST).path()).isEqualTo("/café/a+b/%zz");
  }

  @Test
  void theSitesHostAndPathAreInternal() {
    assertThat(Href.of("index.html", "https://example.org/blog/x/#y", HOST)).isEqualTo(new Href(Href.Kind.INTERNAL, "/x/", "y", ""));
    assertThat(Href.of("index.html", "http://EXAMPLE.org/blog", HOST).path()).isEqualTo("/");
    assertThat(Href.of("index.html", "https://example.org/other/", HOST))
        .isEqualTo(new Href(Href.Kind.EXTERNAL, "", "", "https://example.org/other/"));
    assertThat(Href.of("index.html", "//cdn.example.net/a.js#v", HOST).url()).isEqualTo("https://cdn.example.net/a.js");
  }

  @Test
  void otherSchemesAreNotChecked() {
    for (String v : new String[] {"mailto:a@example.org", "tel:+15550100", "data:,", "javascript:void(0)", "ftp://example.org/"}) {
      assertThat(Href.of("index.html", v, HOST).kind()).as(v).isEqualTo(Href.Kind.SKIPPED);
    }
  }
}
