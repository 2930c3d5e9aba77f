package press.callback.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UriSchemeTest {
  @Test
  void prettyUrlsPutEveryPageInItsOwnFolder() {
    UriScheme pretty = UriScheme.pretty();
    assertThat(pretty.uri("about.md")).isEqualTo("about/index.html");
    assertThat(pretty.url("about.md")).isEqualTo("/about/");
    assertThat(pretty.uri("articles/2026/first-email.md")).isEqualTo("articles/2026/first-email/index.html");
    assertThat(pretty.url("articles/2026/first-email.md")).isEqualTo("/articles/2026/first-email/");
  }

  @Test
  void plainUrlsKeepTheExtension() {
    UriScheme plain = new UriScheme(false, "", ".html");
    assertThat(plain.uri("blog/2024/post-1.md")).isEqualTo("blog/2024/post-1.html");
    assertThat(plain.url("blog/2024/post-1.md")).isEqualTo("/blog/2024/post-1.html");
  }

  @Test
  void encodesFileNamesAsJbakeDoes() {
    assertThat(UriScheme.pretty().uri("snippets/re: hello.md")).isEqualTo("snippets/re%3A+hello/index.html");
  }

  @Test
  void prettyOnlyUnderThePrefix() {
    UriScheme blogOnly = new UriScheme(true, "/blog", ".html");
    assertThat(blogOnly.uri("blog/a.md")).isEqualTo("blog/a/index.html");
    assertThat(blogOnly.uri("about.md")).isEqualTo("about.html");
  }
}
